using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Signatures;

namespace Petition.Web.Signing;

/// <summary>
/// A withdrawal (the signer's manage link) or an erasure (a moderator, on the signer's request), in one
/// transaction: the personal fields emptied, the manage links deleted, the old values taken out of the audit's
/// corrections, the address's withdrawal record and the caller's audit entry, all of it or none.
/// </summary>
public class SignatureErasure(PetitionDbContext db, WithdrawnAddresses withdrawn, TimeProvider time)
{
    public async Task EraseAsync(Signature signature, Action recordAudit, CancellationToken cancellationToken)
    {
        // The signature's own address hash is the one withdrawal records keep.
        var hash = signature.State == SignatureState.Withdrawn ? null : signature.EmailHash;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (hash is not null)
            await withdrawn.RecordAsync(signature.LetterId, hash, cancellationToken);
        SignatureDetails.Erase(signature, time.GetUtcNow());
        await db.SignatureTokens.Where(t => t.SignatureId == signature.Id).ExecuteDeleteAsync(cancellationToken);
        await ScrubCorrectionsAsync(signature.Id, cancellationToken);
        recordAudit();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (db.Database.IsSqlite()) // the log still holds the page as it was before the erasure
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    /// <summary>
    /// The audit entries of corrections are the only ones that hold a signer's old values: they lose them. Who
    /// acted, what and when stay: the right to erasure outranks an unedited log here.
    /// </summary>
    Task ScrubCorrectionsAsync(long signatureId, CancellationToken cancellationToken) =>
        db.Audit.Where(a => a.SignatureId == signatureId && a.Action == "signature.corrected")
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Before, (string?)null).SetProperty(x => x.After, (string?)null)
                .SetProperty(x => x.Detail, "values erased with the signature"), cancellationToken);
}
