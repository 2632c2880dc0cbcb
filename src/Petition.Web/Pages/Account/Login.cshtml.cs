using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Web.Signing;
using Petition.Web.Front;

namespace Petition.Web.Pages.Account;

[Limited(Door.Login, PostOnly = true)]
public class LoginModel(SignInManager<IdentityUser> signIn) : PageModel
{
    /// <summary>The same words whether the address is unknown, the password wrong or the account locked.</summary>
    public const string Failure = "That email address and password do not match an account that can sign in now. " +
        "After several failed attempts an account is locked for a while.";

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var validation = new LoginInputValidator().Validate(Input);
        if (!validation.IsValid)
        {
            validation.CopyTo(ModelState, nameof(Input));
            return Page();
        }
        var email = Input.Email.Trim();
        if (await signIn.UserManager.FindByEmailAsync(email) is null)
        {
            // Spend the time a password check takes, so the answer's speed does not say the address is unknown.
            signIn.UserManager.PasswordHasher.HashPassword(new IdentityUser(), Input.Password);
            ModelState.AddModelError("", Failure);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(SafeReturn.Url(Url, ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
        ModelState.AddModelError("", Failure);
        return Page();
    }
}
