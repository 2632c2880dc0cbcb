using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Admin.Audit;
using Petition.Web.Email;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Imports;

public enum ImportConfirmation
{
    /// <summary>Each signer gets the usual confirmation email; the signature counts once they confirm.</summary>
    EmailEachSigner,

    /// <summary>The organiser vouches for the signatures (paper, founding signatories): published at once, no email.</summary>
    ConfirmedByOrganiser,
}

public record ImportResult(ImportReport Report, int Imported);

/// <summary>
/// Commits an import after checking the file again (a preview is advice, not a promise): every line valid or
/// nothing at all, then one transaction with the signatures, their emails and the audit entry.
/// </summary>
public class SignatureImport(PetitionDbContext db, ImportCheck check, SignatureFactory factory, SignatureLinks links, SignatureEmails emails,
    AuditTrail audit, PublicView publicView, OutboxSignal outbox, TimeProvider time)
{
    public async Task<ImportResult> CommitAsync(Letter letter, string text, string fileName, ImportConfirmation confirmation,
        IReadOnlyDictionary<string, string>? columns, CancellationToken cancellationToken)
    {
        var report = await check.CheckAsync(letter, text, columns, cancellationToken);
        if (!report.CanCommit)
            return new ImportResult(report, 0);

        var now = time.GetUtcNow();
        var nextNotable = (await db.Signatures.Where(s => s.LetterId == letter.Id && s.Notable)
            .MaxAsync(s => s.NotableOrder, cancellationToken) ?? 0) + 1;
        var ready = report.Lines.Where(l => l.Status == ImportLineStatus.Ready).ToList();
        foreach (var line in ready)
        {
            var signature = factory.Create(letter, line.Line.Input, line.Canonical, SignatureSource.Import, signedAt: line.SignedAt ?? now);
            // The emails speak the line's language, else the letter's own: a French letter's signers read French.
            signature.Language = line.Line.Language ?? letter.Language;
            signature.Notable = line.Line.Notable;
            signature.NotableOrder = line.Line.Notable ? nextNotable++ : null;
            if (confirmation == ImportConfirmation.ConfirmedByOrganiser)
                signature.PublishAsConfirmedByOrganiser(audit.ActorName, fileName, now);
            else
                db.Outbox.Add(emails.Confirmation(letter, signature, links.First(signature)));
            db.Signatures.Add(signature);
        }
        audit.Record(AuditActions.SignaturesImported, letter.Id, after: new
        {
            file = fileName,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            confirmation = confirmation.ToString(),
            imported = ready.Count,
            alreadySigned = report.Count(ImportLineStatus.AlreadySigned),
            repeatedInFile = report.Count(ImportLineStatus.RepeatedInFile),
            withdrew = report.Count(ImportLineStatus.Withdrew),
            columns = report.Columns.ToDictionary(c => c.Header, c => c.Field ?? "", StringComparer.Ordinal),
        });
        // The next file from the same source is read the same way without choosing again.
        var stored = await db.Letters.FirstAsync(l => l.Id == letter.Id, cancellationToken);
        stored.ImportColumns = ImportColumns.Remember(stored.ImportColumns, report.Columns);
        await db.SaveChangesAsync(cancellationToken);
        publicView.Changed(letter.Id);
        outbox.Notify();
        return new ImportResult(report, ready.Count);
    }
}
