using Microsoft.AspNetCore.Identity;

namespace Petition.Web.Accounts;

/// <summary>What a sign-in attempt with a password comes to.</summary>
public enum PasswordOutcome { Wrong, Correct, Slowed }

/// <summary>
/// The password step of signing in, decided here once, so that an outsider learns nothing and can stop nobody:
/// - every attempt costs one password hash, whether the address is unknown, has no password yet (an invitation not
///   accepted), is disabled or the password is wrong: the answer's speed says nothing about who has an account;
/// - wrong passwords never lock an account, which would let a stranger keep the team out on launch day. They are
///   counted per account; past <see cref="FreeFailures"/>, an account without two-factor sign-in answers only after a
///   growing wait (<see cref="Wait"/>), while an account with it is never slowed, since a right password there still
///   needs the authenticator code, and codes are what Identity's lockout counts. Per client, the login door's rate
///   limit applies.
/// </summary>
public class PasswordCheck(UserManager<IdentityUser> users, TimeProvider time)
{
    public const int FreeFailures = 5;

    /// <summary>A hash of a random password, made once: what an attempt without a real hash is checked against.</summary>
    static readonly Lazy<string> Decoy = new(() => new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString("N")));

    public async Task<(PasswordOutcome Outcome, IdentityUser? User)> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        var hash = user?.PasswordHash ?? Decoy.Value;
        var verified = users.PasswordHasher.VerifyHashedPassword(user ?? new IdentityUser(), hash, password) != PasswordVerificationResult.Failed;
        if (user is null || user.PasswordHash is null)
            return (PasswordOutcome.Wrong, null);
        if (!await users.GetTwoFactorEnabledAsync(user) && Wait(user) is { } wait && wait > time.GetUtcNow())
            return (PasswordOutcome.Slowed, null);
        if (!verified)
        {
            user.AccessFailedCount++;
            user.LockoutEnd = time.GetUtcNow(); // when the last failure was, for the wait; never in the future
            await users.UpdateAsync(user);
            return (PasswordOutcome.Wrong, null);
        }
        return (PasswordOutcome.Correct, user);
    }

    /// <summary>After the free failures, each one doubles the wait (2 s, 4 s, … at most 15 minutes) from the last one.</summary>
    public static DateTimeOffset? Wait(IdentityUser user)
    {
        if (user.AccessFailedCount < FreeFailures || user.LockoutEnd is not { } last)
            return null;
        var seconds = Math.Min(15 * 60, Math.Pow(2, Math.Min(20, user.AccessFailedCount - FreeFailures + 1)));
        return last + TimeSpan.FromSeconds(seconds);
    }
}
