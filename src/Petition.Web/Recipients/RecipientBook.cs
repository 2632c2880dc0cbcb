using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Recipients;
using Petition.Web.Admin.Audit;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Recipients;

/// <summary>
/// Every change to a letter's recipients or to the shared directory: added one by one, imported, copied from the
/// directory, changed, removed. Each is audited in the same save (the audit names the addressee, never their
/// addresses) and a letter's change evicts its cached pages, whose responses section names its recipients.
/// </summary>
public class RecipientBook(PetitionDbContext db, AuditTrail audit, PublicView publicView, AnswerDocuments documents, TimeProvider time)
{
    /// <summary>A letter's recipients, or the directory's entries when <paramref name="letterId"/> is null.</summary>
    IQueryable<Addressee> Set(int? letterId) => letterId is { } id
        ? db.Recipients.Where(r => r.LetterId == id)
        : db.RecipientDirectory;

    /// <summary>The canonical addresses already held, to find a mailbox given twice.</summary>
    public async Task<HashSet<string>> AddressesAsync(int? letterId, CancellationToken cancellationToken, int? except = null) =>
        (await Set(letterId).AsNoTracking().Where(a => a.Id != except).ToListAsync(cancellationToken))
            .SelectMany(a => AddresseeRules.Canonical(a.Emails)).ToHashSet();

    public async Task<RecipientReport> CheckAsync(int? letterId, string text, CancellationToken cancellationToken) =>
        RecipientFile.Check(text, await AddressesAsync(letterId, cancellationToken));

    /// <summary>Adds every ready line, or nothing when any line is invalid (the report says why).</summary>
    public async Task<(RecipientReport Report, int Added)> ImportAsync(int? letterId, string text, string fileName, CancellationToken cancellationToken)
    {
        var report = await CheckAsync(letterId, text, cancellationToken);
        if (!report.CanCommit)
            return (report, 0);
        var added = report.Ready.Select(details => Add(letterId, details)).ToList();
        audit.Record(letterId is null ? AuditActions.DirectoryImported : AuditActions.RecipientsImported, letterId,
            after: new { file = fileName, added = added.Count, skipped = report.Count(RecipientLineStatus.AlreadyThere) });
        await SaveAsync(letterId, cancellationToken);
        return (report, added.Count);
    }

    /// <summary>Adds one addressee; the error when one of its addresses is already held, else null.</summary>
    public async Task<string?> AddAsync(int? letterId, AddresseeDetails details, CancellationToken cancellationToken)
    {
        if (await TakenAsync(letterId, details, null, cancellationToken) is { } taken)
            return taken;
        var added = Add(letterId, details);
        audit.Record(letterId is null ? AuditActions.DirectoryEntryAdded : AuditActions.RecipientAdded, letterId, after: Audited(added));
        await SaveAsync(letterId, cancellationToken);
        return null;
    }

    public async Task<string?> UpdateAsync(Recipient recipient, AddresseeDetails details, CancellationToken cancellationToken)
    {
        if (await TakenAsync(recipient.LetterId, details, recipient.Id, cancellationToken) is { } taken)
            return taken;
        var before = Audited(recipient);
        details.CopyTo(recipient);
        audit.Record(AuditActions.RecipientUpdated, recipient.LetterId, before: before, after: Audited(recipient),
            detail: before.Addresses == recipient.Emails.Count ? null : "Addresses changed.");
        await SaveAsync(recipient.LetterId, cancellationToken);
        return null;
    }

    public async Task RemoveAsync(Addressee addressee, CancellationToken cancellationToken)
    {
        var letterId = (addressee as Recipient)?.LetterId;
        db.Remove(addressee);
        audit.Record(letterId is null ? AuditActions.DirectoryEntryRemoved : AuditActions.RecipientRemoved, letterId, before: Audited(addressee));
        await SaveAsync(letterId, cancellationToken);
    }

    /// <summary>Copies directory entries to the letter, skipping any already there (by entry or by address).</summary>
    public async Task<int> AddFromDirectoryAsync(int letterId, IReadOnlyCollection<int> entryIds, CancellationToken cancellationToken)
    {
        var held = await AddressesAsync(letterId, cancellationToken);
        var copied = await db.Recipients.Where(r => r.LetterId == letterId && r.DirectoryEntryId != null)
            .Select(r => r.DirectoryEntryId!.Value).ToListAsync(cancellationToken);
        var entries = await db.RecipientDirectory.AsNoTracking().Where(e => entryIds.Contains(e.Id) && !copied.Contains(e.Id))
            .OrderBy(e => e.Name).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var entry in entries.Where(e => !AddresseeRules.Canonical(e.Emails).Any(held.Contains)))
        {
            var recipient = (Recipient)Add(letterId, AddresseeDetails.Of(entry));
            recipient.DirectoryEntryId = entry.Id;
            held.UnionWith(AddresseeRules.Canonical(entry.Emails));
            audit.Record(AuditActions.RecipientAdded, letterId, after: Audited(recipient), detail: "From the directory.");
            added++;
        }
        await SaveAsync(letterId, cancellationToken);
        return added;
    }

    public async Task RecordAnswerAsync(Recipient recipient, AnswerForm answer, CancellationToken cancellationToken,
        UploadedDocument? document = null, bool removeDocument = false)
    {
        var before = AnswerAudit(recipient);
        var documentChange = await documents.StageAsync(recipient, document, removeDocument, cancellationToken);
        recipient.AnswerStatus = answer.Status;
        recipient.AnsweredOn = answer.AnsweredOn;
        recipient.AnswerText = string.IsNullOrWhiteSpace(answer.Text) ? null : answer.Text.Trim();
        recipient.AnswerPublic = answer.Public;
        recipient.AnswerRecordedAt = time.GetUtcNow();
        // The text may be private: the audit says whether it changed, not what it says.
        audit.Record(AuditActions.RecipientAnswerRecorded, recipient.LetterId, before: before, after: AnswerAudit(recipient),
            detail: $"{recipient.Name}{(before.TextLength == recipient.AnswerText?.Length ? "" : "; text changed")}{(documentChange is null ? "" : "; " + documentChange)}");
        await SaveAsync(recipient.LetterId, cancellationToken);
    }

    Addressee Add(int? letterId, AddresseeDetails details)
    {
        Addressee added = letterId is { } id ? new Recipient { LetterId = id, Name = "" } : new DirectoryEntry { Name = "" };
        details.CopyTo(added);
        added.CreatedAt = time.GetUtcNow();
        db.Add(added);
        return added;
    }

    async Task<string?> TakenAsync(int? letterId, AddresseeDetails details, int? except, CancellationToken cancellationToken)
    {
        var held = await AddressesAsync(letterId, cancellationToken, except);
        var taken = AddresseeRules.Canonical(details.Emails).FirstOrDefault(held.Contains);
        return taken is null ? null : $"{taken} already belongs to {(letterId is null ? "an entry of the directory" : "a recipient of this letter")}.";
    }

    async Task SaveAsync(int? letterId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (letterId is { } id)
            publicView.Changed(id);
    }

    sealed record AuditedAddressee(string Name, string? Country, string? Organisation, string Language, int Addresses);

    static AuditedAddressee Audited(Addressee a) => new(a.Name, a.Country, a.Organisation, a.Language, a.Emails.Count);

    /// <summary>The answer as audited: its length stands for the text, which may be private.</summary>
    sealed record AuditedAnswer(string Status, DateOnly? AnsweredOn, bool Public, int? TextLength);

    static AuditedAnswer AnswerAudit(Recipient r) => new(r.AnswerStatus.ToString(), r.AnsweredOn, r.AnswerPublic, r.AnswerText?.Length);
}
