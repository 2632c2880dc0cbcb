using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Web.Admin.Users;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Admin.Users;

public record AccountRow(string Id, string Email, IReadOnlyList<string> Roles, bool TwoFactor, string State);

public class InviteInput
{
    public string Email { get; set; } = "";
}

public class InviteInputValidator : AbstractValidator<InviteInput>
{
    public InviteInputValidator() =>
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter an email address.")
            .EmailAddress().WithMessage("Enter an email address like name@example.org.").MaximumLength(254);
}

public class UsersModel(PetitionDbContext db, Invitations invitations, TimeProvider time) : PageModel
{
    [BindProperty] public InviteInput Input { get; set; } = new();

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    public string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await new InviteInputValidator().ValidInAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var email = Input.Email.Trim();
        if (await invitations.InviteAsync(email, cancellationToken) is { } problem)
        {
            ModelState.AddModelError("Input.Email", problem);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = $"Invitation sent to {email}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken cancellationToken)
    {
        var problem = await invitations.RevokeAsync(id, CurrentUserId, cancellationToken);
        TempData["Status"] = problem ?? "The account is revoked: it is signed out and cannot sign in again.";
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken cancellationToken)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Accounts = users.Select(u => new AccountRow(u.Id, u.Email ?? u.UserName ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.TwoFactorEnabled,
            u.LockoutEnd > now.AddYears(100) ? "revoked"
                : u.PasswordHash is null ? "invited"
                : u.LockoutEnd > now ? "locked for a while" : "active")).ToList();
    }
}
