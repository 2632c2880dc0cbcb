using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Signatures;
using Petition.Web.Abuse;
using Petition.Web.Keys;

namespace Petition.Web.Signing;

/// <summary>A signature waiting to be written, with everything decided about it before the write.</summary>
public record PendingSignature(Letter Letter, SignatureInput Input, string Canonical, SignatureSource Source,
    RequestInfo Request, string? Blocked)
{
    /// <summary>
    /// Who signs, for the one-signature rule (the unique index on letter, address hash and "for an organisation"):
    /// a person signs once for themselves and once on behalf of an organisation, with the same address.
    /// </summary>
    public bool ForOrganisation => Input.ForOrganization && Letter.AcceptsOrganisations;
}

/// <summary>
/// Writes a batch of signatures in one transaction: each new address is stored with its email queued, an address
/// that signed before is answered with an email, and one commit makes them all durable together. On PostgreSQL the
/// new ones go in with one statement (<see cref="PostgresSignatureInsert"/>); the rest, and every signature on SQLite,
/// go through EF Core.
/// </summary>
public class SignatureWriter(
    PetitionDbContext db,
    SignatureEmails emails,
    SignatureFactory factory,
    SignatureLinks links,
    PersonalDataKeys keys,
    IOptions<SigningOptions> options,
    ILogger<SignatureWriter> logger)
{
    public async Task WriteAsync(IReadOnlyList<PendingSignature> batch, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await WriteTrackedAsync(batch, cancellationToken);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rest = await InsertNewAsync(batch, (NpgsqlTransaction)transaction.GetDbTransaction(), cancellationToken);
        if (rest.Count > 0)
            await WriteTrackedAsync(rest, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The common case in bulk: the first signature of each address in the batch, if the address is new to the letter.
    /// Returns what is left, in order: addresses that signed before and second signatures within the batch.
    /// </summary>
    async Task<List<PendingSignature>> InsertNewAsync(IReadOnlyList<PendingSignature> batch, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        // In one order for every batch, so two batches written at once that share an address wait for each other
        // instead of deadlocking.
        var firsts = batch.DistinctBy(p => (p.Letter.Id, p.Canonical, p.ForOrganisation))
            .OrderBy(p => p.Letter.Id).ThenBy(p => p.Canonical, StringComparer.Ordinal).ThenBy(p => p.ForOrganisation).ToList();
        var inserted = await PostgresSignatureInsert.InsertAsync(transaction.Connection!, transaction,
            firsts.Select(p => New(p) is var (signature, email) ? (signature, email, p.Letter.Fields) : default).ToList(), keys, cancellationToken);
        var done = firsts.Where(p => inserted.Contains((p.Letter.Id, keys.AddressHash(p.Canonical), p.ForOrganisation))).ToHashSet(ReferenceEqualityComparer.Instance);
        return batch.Where(p => !done.Contains(p)).ToList();
    }

    /// <summary>Looks up the addresses that signed before, then stores or answers each through the change tracker.</summary>
    async Task WriteTrackedAsync(IReadOnlyList<PendingSignature> batch, CancellationToken cancellationToken)
    {
        var letterIds = batch.Select(p => p.Letter.Id).Distinct().ToList();
        var hashes = batch.Select(p => keys.AddressHash(p.Canonical)).Distinct().ToList();
        var known = await db.Signatures.Include(s => s.Tokens)
            .Where(s => letterIds.Contains(s.LetterId) && hashes.Contains(s.EmailHash))
            .ToDictionaryAsync(s => (s.LetterId, s.EmailHash, s.ForOrganisation), cancellationToken);
        foreach (var pending in batch)
        {
            var key = (pending.Letter.Id, keys.AddressHash(pending.Canonical), pending.ForOrganisation);
            if (known.TryGetValue(key, out var existing))
                SignAgain(pending.Letter, existing, pending.Input, pending.Request, pending.Blocked);
            else
                known[key] = AddNew(pending);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    Signature AddNew(PendingSignature pending)
    {
        var (signature, email) = New(pending);
        db.Signatures.Add(signature);
        db.Outbox.Add(email);
        return signature;
    }

    /// <summary>A new signature, its links and its confirmation email, built in memory and not yet stored.</summary>
    (Signature, OutboxMessage) New(PendingSignature pending)
    {
        var signature = factory.Create(pending.Letter, pending.Input, pending.Canonical, pending.Source, pending.Request);
        signature.BlockedReason = pending.Blocked;
        return (signature, emails.Confirmation(pending.Letter, signature, links.First(signature)));
    }

    /// <summary>
    /// An address that signed before: an unconfirmed one gets a new link bound to these details (the earlier links
    /// keep confirming theirs, see <see cref="SignAttempt"/>); a confirmed one is told it signed already. Within the
    /// <see cref="EmailBudget"/> of the requesting network.
    /// </summary>
    void SignAgain(Letter letter, Signature signature, SignatureInput input, RequestInfo request, string? blocked)
    {
        var network = EmailBudget.KeyOf(request);
        if (!EmailBudget.Allows(signature, network, options.Value))
        {
            logger.LogInformation("Signature {Id} reached its email budget for this network; no email sent", signature.Id);
            return;
        }
        signature.EmailsSent++;
        var tokensBefore = signature.Tokens.Count;
        if (signature.State == SignatureState.Unverified)
        {
            var attempt = SignAttempt.Of(letter, input, request, blocked);
            db.Outbox.Add(emails.Confirmation(letter, attempt.ShownOn(letter, signature), links.Again(signature, attempt, network)));
        }
        else
        {
            db.Outbox.Add(emails.AlreadySigned(letter, signature, links.Manage(signature)));
        }
        EmailBudget.Stamp(signature, tokensBefore, network);
    }
}
