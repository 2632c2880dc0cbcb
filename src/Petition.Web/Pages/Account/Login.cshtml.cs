using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Web.Accounts;
using Petition.Web.Front;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Account;

[Limited(Door.Login, PostOnly = true)]
public class LoginModel(SignInManager<IdentityUser> signIn, PasswordCheck passwords) : PageModel
{
    /// <summary>The same words whether the address is unknown, the password wrong or the account locked.</summary>
    public const string Failure = "That email address and password do not match an account that can sign in now. " +
        "After several failed attempts, an account without two-factor sign-in answers only after a growing wait.";

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (!await new LoginInputValidator().ValidInAsync(Input, ModelState, nameof(Input)))
            return Page();
        var (outcome, user) = await passwords.CheckAsync(Input.Email.Trim(), Input.Password);
        if (outcome != PasswordOutcome.Correct)
        {
            ModelState.AddModelError("", Failure);
            return Page();
        }
        // The password is right: Identity signs in, or asks for the second factor (whose failures it counts).
        await signIn.UserManager.ResetAccessFailedCountAsync(user!);
        var result = await signIn.PasswordSignInAsync(user!, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
            return LocalRedirect(SafeReturn.Url(Url, ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
        ModelState.AddModelError("", Failure);
        return Page();
    }
}
