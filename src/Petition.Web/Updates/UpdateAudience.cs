using Petition.Data.Signatures;

namespace Petition.Web.Updates;

/// <summary>
/// Who receives the organisers' updates, decided here once: a signer who asked for them, confirmed their address,
/// is counted or awaiting review (not rejected, not withdrawn), has not stopped emails about the letter, and whose
/// address is still held.
/// </summary>
public static class UpdateAudience
{
    public static IQueryable<Signature> ReceivingUpdates(this IQueryable<Signature> signatures, int letterId) =>
        signatures.Where(s => s.LetterId == letterId && s.WantsUpdates && !s.Unsubscribed && s.ConfirmedAt != null
            && s.SealedEmail != null && (s.State == SignatureState.Published || s.State == SignatureState.AwaitingReview));
}
