using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Abuse;
using Petition.Web.Observability;

namespace Petition.Web.Signing;

public enum ConfirmationStatus { Pending, Confirmed, AlreadyConfirmed, Expired, NotFound, LetterNotOpen }

public record ConfirmationLookup(ConfirmationStatus Status, Signature? Signature)
{
    public static readonly ConfirmationLookup NotFound = new(ConfirmationStatus.NotFound, null);
}

/// <summary>
/// The emailed link's two halves: looking (GET, harmless, what a mail scanner does) and confirming (POST, what a
/// person does by pressing the button).
/// </summary>
public class Confirmation(PetitionDbContext db, SignatureCounter counter, AffiliationCheck affiliations, WatchList watchList,
    PetitionMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// The signature a confirmation link points to, carrying (in memory) exactly the details that link's email showed:
    /// the first sign request's (on the signature) or a later one's (<see cref="SignAttempt"/>, with its own link).
    /// </summary>
    public async Task<ConfirmationLookup> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!VerificationToken.LooksValid(token))
            return ConfirmationLookup.NotFound;
        var hash = VerificationToken.HashOf(token);
        var signature = await db.Signatures.Include(s => s.Letter).ThenInclude(l => l.Translations)
            .FirstOrDefaultAsync(s => s.ConfirmationTokenHash == hash, cancellationToken);
        var expiresAt = signature?.ConfirmationExpiresAt;
        SignAttempt? attempt = null;
        if (signature is null)
        {
            var link = await db.SignatureTokens.AsNoTracking()
                .FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == TokenPurpose.Confirm, cancellationToken);
            if (link?.Details is null)
                return ConfirmationLookup.NotFound;
            signature = await db.Signatures.Include(s => s.Letter).ThenInclude(l => l.Translations)
                .FirstAsync(s => s.Id == link.SignatureId, cancellationToken);
            expiresAt = link.ExpiresAt;
            attempt = SignAttempt.FromJson(link.Details);
        }
        if (signature.State != SignatureState.Unverified)
            return new(ConfirmationStatus.AlreadyConfirmed, signature);
        if (expiresAt <= time.GetUtcNow())
            return new(ConfirmationStatus.Expired, signature);
        // A closed letter, or one sent back to draft, counts no more names: the same rule as signing (Letter.IsOpenAt).
        if (!signature.Letter.IsOpenAt(time.GetUtcNow()))
            return new(ConfirmationStatus.LetterNotOpen, signature);
        attempt?.ApplyTo(signature.Letter, signature);
        return new(ConfirmationStatus.Pending, signature);
    }

    public async Task<ConfirmationLookup> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(token, cancellationToken);
        if (lookup.Status != ConfirmationStatus.Pending)
            return lookup;

        var signature = lookup.Signature!;
        var now = time.GetUtcNow();
        signature.VerifiedDomain = await affiliations.VerifiedDomainAsync(signature.Email, cancellationToken);
        // A name like a watched one waits for a moderator whatever the letter's mode: the impersonation guard.
        var held = await watchList.HoldReasonAsync(signature, cancellationToken);
        var moved = signature.Confirm(signature.Letter.ModerationMode == ModerationMode.Pre || held is not null, signature.BlockedReason, now);
        if (held is not null && signature.State == SignatureState.AwaitingReview)
            signature.ModerationReason = held;
        await db.SaveChangesAsync(cancellationToken);
        // Only a published signature changes what the public sees: the count and the list.
        if (moved.PublicViewChanged)
            counter.Counted(signature.LetterId, listed: signature.ListPublicly && !signature.Hidden);
        metrics.SignatureConfirmed();
        return lookup with { Status = ConfirmationStatus.Confirmed };
    }
}
