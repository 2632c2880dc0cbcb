using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Abuse;
using Petition.Web.Letters;
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
public class Confirmation(PetitionDbContext db, PublicView publicView, ConfirmStep step, PetitionMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// The signature a confirmation link points to, carrying (in memory) exactly the details that link's email showed:
    /// the first sign request's (on the signature) or a later one's (<see cref="SignAttempt"/>, with its own link).
    /// </summary>
    public Task<ConfirmationLookup> FindAsync(string token, CancellationToken cancellationToken) =>
        FindAsync(token, withTranslations: true, cancellationToken);

    /// <param name="withTranslations">
    /// The letter's translations, for a page that shows the letter. The confirm press leaves them out (each is the
    /// whole letter in another language, read again for every signer) and loads them only for a page it shows.
    /// </param>
    async Task<ConfirmationLookup> FindAsync(string token, bool withTranslations, CancellationToken cancellationToken)
    {
        if (!VerificationToken.LooksValid(token))
            return ConfirmationLookup.NotFound;
        var hash = VerificationToken.HashOf(token);
        IQueryable<Signature> signatures = withTranslations
            ? db.Signatures.Include(s => s.Letter).ThenInclude(l => l.Translations)
            : db.Signatures.Include(s => s.Letter);
        var signature = await signatures.FirstOrDefaultAsync(s => s.ConfirmationTokenHash == hash, cancellationToken);
        var expiresAt = signature?.ConfirmationExpiresAt;
        SignAttempt? attempt = null;
        if (signature is null)
        {
            var link = await db.SignatureTokens.AsNoTracking()
                .FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == TokenPurpose.Confirm, cancellationToken);
            if (link?.Details is null)
                return ConfirmationLookup.NotFound;
            signature = await signatures.FirstAsync(s => s.Id == link.SignatureId, cancellationToken);
            expiresAt = link.ExpiresAt;
            attempt = SignAttempt.FromJson(link.Details);
        }
        if (signature.State != SignatureState.Unverified)
            return new(ConfirmationStatus.AlreadyConfirmed, signature);
        if (expiresAt <= time.GetUtcNow())
            return new(ConfirmationStatus.Expired, signature);
        // A closed letter, or one sent back to draft, counts no more names: the same rule as signing (Letter.IsOpenAt).
        // A founding signature made on a draft confirms while the round takes it (LetterQueries.TakesFounding).
        if (!signature.Letter.IsOpenAt(time.GetUtcNow()) && !signature.Letter.TakesFounding(signature))
            return new(ConfirmationStatus.LetterNotOpen, signature);
        attempt?.ApplyTo(signature.Letter, signature);
        return new(ConfirmationStatus.Pending, signature);
    }

    public async Task<ConfirmationLookup> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(token, withTranslations: false, cancellationToken);
        if (lookup.Status != ConfirmationStatus.Pending)
            return await ForPageAsync(lookup, cancellationToken);

        var signature = lookup.Signature!;
        var now = time.GetUtcNow();
        var moved = await step.ApplyAsync(signature, signature.Letter, now, cancellationToken);
        // Two presses of the same link at once (a double click, a mail scanner and the person) both found it
        // unconfirmed. The state is a concurrency token, so the update is conditional on the state read: the first
        // to write confirms it, the other's update matches no row, and it counts nothing. One statement, no more.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ForPageAsync(lookup with { Status = ConfirmationStatus.AlreadyConfirmed }, cancellationToken);
        }
        // Only a published signature changes what the public sees: the count and the list.
        if (moved.PublicViewChanged)
            publicView.Published(signature.LetterId, listed: signature.IsListed(), organisation: signature.ForOrganisation);
        metrics.SignatureConfirmed();
        return lookup with { Status = ConfirmationStatus.Confirmed };
    }

    /// <summary>A press that confirmed nothing shows the confirm page, which shows the letter in the reader's language.</summary>
    async Task<ConfirmationLookup> ForPageAsync(ConfirmationLookup lookup, CancellationToken cancellationToken)
    {
        if (lookup.Signature is { } signature)
            await db.Entry(signature.Letter).Collection(l => l.Translations).LoadAsync(cancellationToken);
        return lookup;
    }
}
