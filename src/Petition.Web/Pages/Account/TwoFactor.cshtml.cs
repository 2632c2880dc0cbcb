using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Petition.Web.Accounts;
using Petition.Web.Admin.Audit;
using Petition.Web.Signing;
using Petition.Web.Site;

using Petition.Web.Front;

namespace Petition.Web.Pages.Account;

[Authorize]
[Limited(Door.Login, PostOnly = true)] // a code is tried here as at sign-in
public class TwoFactorModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AuditTrail audit,
    IOptions<SiteOptions> site, IOptions<AccountsOptions> accounts) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public CodeInput Input { get; set; } = new();

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string ReadableKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        ModelState.Clear();
        if (!await new CodeInputValidator().ValidInAsync(Input, ModelState, nameof(Input)))
        {
            await LoadAsync(user);
            return Page();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Cleaned))
        {
            ModelState.AddModelError("Input.Code", "That code is not right. Check that the app shows this site's key and enter the current code.");
            await LoadAsync(user);
            return Page();
        }
        audit.Record(AuditActions.AccountTwoFactorEnabled);
        await users.SetTwoFactorEnabledAsync(user, true); // saves the audit entry with it
        return await ShowNewRecoveryCodesAsync(user);
    }

    public async Task<IActionResult> OnPostRenewRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user))
            return RedirectToPage();
        audit.Record(AuditActions.AccountRecoveryCodesRenewed);
        return await ShowNewRecoveryCodesAsync(user);
    }

    async Task<IActionResult> ShowNewRecoveryCodesAsync(IdentityUser user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("/Account/RecoveryCodes");
    }

    async Task LoadAsync(IdentityUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = TwoFactorGate.MustHave(User, accounts.Value);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp: the sign-in is renewed with it, or enrolling would sign them out.
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        SharedKey = key;
        ReadableKey = AuthenticatorLink.Readable(key);
        QrSvg = AuthenticatorLink.QrSvg(AuthenticatorLink.For(site.Value.Name, user.Email ?? user.UserName ?? "", key));
    }
}
