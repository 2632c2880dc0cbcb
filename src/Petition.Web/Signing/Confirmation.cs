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
/// person does by pressing the button). Presses are confirmed in batches (<see cref="ConfirmBatcher"/>).
/// </summary>
public class Confirmation(PetitionDbContext db, PublicView publicView, ConfirmStep step, ConfirmBatcher batcher,
    PetitionMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// The signature a confirmation link points to, carrying (in memory) exactly the details that link's email showed:
    /// the first sign request's (on the signature) or a later one's (<see cref="SignAttempt"/>, with its own link).
    /// </summary>
    public Task<ConfirmationLookup> FindAsync(string token, CancellationToken cancellationToken) =>
        FindAsync(token, firstLinks: null, cancellationToken);

    /// <param name="firstLinks">
    /// The signatures a batch of presses found in one query by their first links, with their letters (and without
    /// the letter's translations, each the whole letter in another language); null to look this one up, for a page
    /// that shows the letter.
    /// </param>
    async Task<ConfirmationLookup> FindAsync(string token, IReadOnlyDictionary<string, Signature>? firstLinks,
        CancellationToken cancellationToken)
    {
        if (!VerificationToken.LooksValid(token))
            return ConfirmationLookup.NotFound;
        var hash = VerificationToken.HashOf(token);
        IQueryable<Signature> signatures = firstLinks is null
            ? db.Signatures.Include(s => s.Letter).ThenInclude(l => l.Translations)
            : db.Signatures.Include(s => s.Letter);
        var signature = firstLinks is null
            ? await signatures.FirstOrDefaultAsync(s => s.ConfirmationTokenHash == hash, cancellationToken)
            : firstLinks.GetValueOrDefault(KeyOf(hash));
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

    static string KeyOf(byte[] hash) => Convert.ToHexString(hash);

    /// <summary>
    /// The press: confirmed with the presses that came with it, in one transaction. One that confirmed nothing shows
    /// the confirm page, which shows the letter in the reader's language, read again here for that page.
    /// </summary>
    public async Task<ConfirmationLookup> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        if (!VerificationToken.LooksValid(token))
            return ConfirmationLookup.NotFound;
        var pressed = await batcher.ConfirmAsync(token, cancellationToken);
        if (pressed.Status is ConfirmationStatus.Confirmed or ConfirmationStatus.NotFound)
            return pressed;
        var page = await FindAsync(token, cancellationToken);
        return page.Status == ConfirmationStatus.Pending ? page with { Status = pressed.Status } : page;
    }

    /// <summary>
    /// Confirms a batch of presses in one transaction, answering each in order. One query finds the signatures
    /// their first links point to; a later sign request's link is looked up alone. The same link twice in a batch
    /// counts once: the second finds the signature already confirmed in memory.
    /// </summary>
    public async Task<IReadOnlyList<ConfirmationLookup>> ConfirmAllAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        var hashes = tokens.Where(VerificationToken.LooksValid).Select(VerificationToken.HashOf).ToList();
        var firstLinks = await db.Signatures.Include(s => s.Letter)
            .Where(s => hashes.Contains(s.ConfirmationTokenHash!))
            .ToDictionaryAsync(s => KeyOf(s.ConfirmationTokenHash!), cancellationToken);
        var now = time.GetUtcNow();
        var lookups = new List<ConfirmationLookup>(tokens.Count);
        var confirmed = new List<(Signature Signature, Moved Moved)>();
        foreach (var token in tokens)
        {
            var lookup = await FindAsync(token, firstLinks, cancellationToken);
            if (lookup.Status == ConfirmationStatus.Pending)
            {
                var signature = lookup.Signature!;
                confirmed.Add((signature, await step.ApplyAsync(signature, signature.Letter, now, cancellationToken)));
                lookup = lookup with { Status = ConfirmationStatus.Confirmed };
            }
            lookups.Add(lookup);
        }
        if (confirmed.Count == 0)
            return lookups;
        // Two presses of the same link at once (a double click, a mail scanner and the person, two instances) both
        // found it unconfirmed. The state is a concurrency token, so each update is conditional on the state read:
        // the first to write confirms it, the other's update matches no row, and it counts nothing. In a batch of
        // several that fails them all, and the batcher confirms them one at a time, where the loser is told so.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (tokens.Count == 1)
        {
            return [lookups[0] with { Status = ConfirmationStatus.AlreadyConfirmed }];
        }
        foreach (var (signature, moved) in confirmed)
        {
            // Only a published signature changes what the public sees: the count and the list.
            if (moved.PublicViewChanged)
                publicView.Published(signature.LetterId, listed: signature.IsListed(), organisation: signature.ForOrganisation);
            metrics.SignatureConfirmed();
        }
        return lookups;
    }
}
