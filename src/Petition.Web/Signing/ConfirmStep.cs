using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Abuse;

namespace Petition.Web.Signing;

/// <summary>
/// What the owner's confirmation does to a signature, in memory, whichever door it came through (the emailed link,
/// a personal invitation): its institutional domain is found, a name like a watched one and an organisation no listed
/// domain vouches for are held for a moderator whatever the letter's mode (the impersonation guard), and the state
/// moves under <see cref="SignatureLifecycle"/>.
/// </summary>
public class ConfirmStep(AffiliationCheck affiliations, WatchList watchList)
{
    public async Task<Moved> ApplyAsync(Signature signature, Letter letter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await JudgeAsync(signature, cancellationToken);
        var moved = signature.Confirm(letter.ModerationMode == ModerationMode.Pre || held is not null, signature.BlockedReason, now);
        if (held is not null && signature.State == SignatureState.AwaitingReview)
            signature.ModerationReason = held;
        return moved;
    }

    /// <summary>
    /// What a confirmed signature's details earn and whether they wait for a moderator, asked when it is confirmed
    /// and again whenever its signer changes them (<see cref="Managing.SignatureManagement"/>): the institutional
    /// domain they vouch for is set, and the reason to hold them returned (a watched name, an organisation no listed
    /// domain vouches for), or null.
    /// </summary>
    public async Task<string?> JudgeAsync(Signature signature, CancellationToken cancellationToken)
    {
        signature.VerifiedDomain = await affiliations.VerifiedDomainAsync(signature, cancellationToken);
        return await watchList.HoldReasonAsync(signature, cancellationToken) ?? AffiliationCheck.HoldReason(signature);
    }
}
