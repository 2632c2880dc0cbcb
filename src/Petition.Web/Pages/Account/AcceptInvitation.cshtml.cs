using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Web.Admin.Audit;
using Petition.Web.Front;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Account;

/// <summary>The page an invitation email links to: the invitee sets a password, which also proves the address.</summary>
[Limited(Door.Login, PostOnly = true)]
public class AcceptInvitationModel(UserManager<IdentityUser> users, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public SetPasswordInput Input { get; set; } = new();

    public string? Invitee { get; private set; }

    public async Task OnGetAsync() => Invitee = (await FindInviteeAsync())?.Email;

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var invitee = await FindInviteeAsync();
        if (invitee is null)
            return Page();
        Invitee = invitee.Email;
        if (!await new SetPasswordInputValidator().ValidInAsync(Input, ModelState, nameof(Input)))
            return Page();
        invitee.EmailConfirmed = true;
        audit.Record(AuditActions.AccountInvitationAccepted, actingUser: invitee);
        var result = await users.ResetPasswordAsync(invitee, Token!, Input.Password); // saves the audit entry with it
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }
        TempData["Status"] = "Your password is set. Sign in to start.";
        return RedirectToPage("/Account/Login");
    }

    /// <summary>The invited account, while it has no password and the link's token is still good.</summary>
    async Task<IdentityUser?> FindInviteeAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || await users.FindByIdAsync(UserId) is not { } user)
            return null;
        if (await users.HasPasswordAsync(user))
            return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<IdentityUser>.ResetPasswordTokenPurpose, Token);
        return valid ? user : null;
    }
}
