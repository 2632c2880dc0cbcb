using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Outbox;
using Petition.Web.Accounts;
using Petition.Web.Admin.Audit;
using Petition.Web.Email;
using Petition.Web.Site;

namespace Petition.Web.Admin.Users;

/// <summary>
/// Inviting a moderator (an account with no password and a set-password link by email) and revoking one. Each is
/// one transaction: the account change, its email in the outbox and its audit entry commit together.
/// </summary>
public class Invitations(PetitionDbContext db, UserManager<IdentityUser> users, RoleManager<IdentityRole> roles,
    AuditTrail audit, OutboxSignal outbox, IOptions<SiteOptions> site, IOptions<AccountsOptions> accounts, TimeProvider time)
{
    public async Task<string?> InviteAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
            return "There is already an account with this email address.";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await roles.RoleExistsAsync(Roles.Moderator))
            await roles.CreateAsync(new IdentityRole(Roles.Moderator));
        var user = new IdentityUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, Roles.Moderator);
        if (!result.Succeeded)
            return string.Join(" ", result.Errors.Select(e => e.Description));

        var token = await users.GeneratePasswordResetTokenAsync(user);
        db.Outbox.Add(InvitationEmail(user, token));
        audit.Record(AuditActions.AccountInvited, after: new { email, role = Roles.Moderator });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return null;
    }

    /// <summary>Locks the account for good, takes its roles and renews its security stamp, which ends its sessions at once.</summary>
    public async Task<string?> RevokeAsync(string userId, string currentUserId, CancellationToken cancellationToken)
    {
        if (userId == currentUserId)
            return "You cannot revoke your own account.";
        if (await users.FindByIdAsync(userId) is not { } user)
            return "There is no such account.";
        var held = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record(AuditActions.AccountRevoked, before: new { email = user.Email, roles = held },
            after: new { email = user.Email, roles = Array.Empty<string>(), lockedOut = true });
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        if (held.Count > 0)
            await users.RemoveFromRolesAsync(user, held);
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    OutboxMessage InvitationEmail(IdentityUser user, string token)
    {
        var link = site.Value.Link($"/account/accept-invitation?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        var now = time.GetUtcNow();
        var lifetime = InWords(accounts.Value.InvitationLifetime);
        return new OutboxMessage
        {
            ToAddress = user.Email!,
            Subject = $"You are invited to moderate on {site.Value.Name}",
            TextBody = $"""
                Hello,

                An organiser invited you to moderate signatures on {site.Value.Name}.

                To accept, open this link and choose a password:

                {link}

                The link works for {lifetime} and only once. If you did not expect this, ignore this email.

                -- {site.Value.Name}
                """,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>"3 days", "1 day", "12 hours", "10 minutes": the lifetime as the invitee reads it.</summary>
    internal static string InWords(TimeSpan lifetime) => lifetime switch
    {
        { TotalDays: >= 1 } => Plural((int)lifetime.TotalDays, "day"),
        { TotalHours: >= 1 } => Plural((int)lifetime.TotalHours, "hour"),
        _ => Plural(Math.Max(1, (int)lifetime.TotalMinutes), "minute"),
    };

    static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
