using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Web.Front;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Account;

[Limited(Door.Login, PostOnly = true)]
public class LoginWith2faModel(SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("/Account/Login");
        if (!await new CodeInputValidator().ValidInAsync(Input, ModelState, nameof(Input)))
            return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Cleaned, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(SafeReturn.Url(Url, ReturnUrl));
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "Too many wrong codes: the account is locked for a while."
            : "That code is not right. Codes change every 30 seconds; enter the one shown now.");
        return Page();
    }
}
