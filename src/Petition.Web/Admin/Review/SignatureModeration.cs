using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Signatures;
using Petition.Web.Admin.Audit;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Admin.Review;

public enum Verdict { Approve, Reject }

/// <summary>
/// What a moderator does to signatures. Each method is one SaveChanges that carries the change and its audit
/// entries, then tells the letter's public view it changed (PublicView).
/// </summary>
public class SignatureModeration(PetitionDbContext db, AuditTrail audit, PublicView publicView, SignatureErasure erasure,
    SignatureEmails emails, SignatureLinks links, Abuse.AffiliationCheck affiliations, TimeProvider time, IHttpContextAccessor http)
{
    /// <summary>
    /// Approves or rejects every signature of the set that the lifecycle lets the verdict take, in one SaveChanges;
    /// the rest are skipped and counted (<see cref="SignatureLifecycle.CanBecome"/>): approval never publishes a
    /// signature its owner did not confirm.
    /// </summary>
    public async Task<Decision> DecideAsync(int letterId, IQueryable<Signature> targets, Verdict verdict, string? reason,
        string scope, CancellationToken cancellationToken)
    {
        var to = verdict == Verdict.Approve ? SignatureState.Published : SignatureState.Rejected;
        var rows = await targets.Where(SignatureLifecycle.CanBecome(to)).ToListAsync(cancellationToken);
        var skipped = await targets.CountAsync(cancellationToken) - rows.Count;
        if (rows.Count == 0)
            return new Decision(0, skipped);
        var now = time.GetUtcNow();
        var batch = rows.Count > 1 ? $"bulk of {rows.Count} over {scope}" : null;
        var publicViewChanged = false;
        var letter = await db.Letters.AsNoTracking().Include(l => l.Translations).FirstAsync(l => l.Id == letterId, cancellationToken);
        foreach (var signature in rows)
        {
            var before = Moderation(signature);
            var moved = verdict == Verdict.Approve
                ? signature.Approve(ActorName, now)
                : signature.Reject(ActorName, reason, now);
            if (!moved.Done)
                throw new InvalidOperationException($"Signature {signature.Id} cannot become {to}: the query and the lifecycle disagree.");
            publicViewChanged |= moved.PublicViewChanged;
            audit.Record(verdict == Verdict.Approve ? AuditActions.SignatureApproved : AuditActions.SignatureRejected,
                letterId, signature.Id, before, Moderation(signature), batch);
            Notify(letter, signature, verdict, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (publicViewChanged)
            publicView.Changed(letterId);
        return new Decision(rows.Count, skipped);
    }

    /// <summary>
    /// On a pre-moderated letter the signer waited for a decision: they hear it, in the same transaction, once (a
    /// signature sent back to review and decided again is not written to twice), unless they never confirmed (the
    /// address may not be theirs), stopped emails, or their address is gone.
    /// </summary>
    void Notify(Petition.Data.Letters.Letter letter, Signature signature, Verdict verdict, DateTimeOffset now)
    {
        if (letter.ModerationMode != Petition.Data.Letters.ModerationMode.Pre || signature.DecisionNotifiedAt is not null
            || signature.ConfirmedAt is null || signature.Unsubscribed || string.IsNullOrEmpty(signature.Email))
            return;
        db.Outbox.Add(emails.Decided(letter, signature, verdict == Verdict.Approve, links.Manage(signature)));
        signature.DecisionNotifiedAt = now;
    }

    public async Task SetNotableAsync(Signature signature, bool notable, int? order, CancellationToken cancellationToken)
    {
        var before = new { signature.Notable, signature.NotableOrder };
        signature.Notable = notable;
        signature.NotableOrder = notable
            ? order ?? signature.NotableOrder ?? await NextNotableOrderAsync(signature.LetterId, cancellationToken)
            : null;
        await SaveAsync(signature, notable ? AuditActions.SignatureMarkedNotable : AuditActions.SignatureUnmarkedNotable,
            before, new { signature.Notable, signature.NotableOrder }, null, cancellationToken);
    }

    async Task<int> NextNotableOrderAsync(int letterId, CancellationToken cancellationToken) =>
        (await db.Signatures.Where(s => s.LetterId == letterId && s.Notable)
            .MaxAsync(s => (int?)s.NotableOrder, cancellationToken) ?? 0) + 1;

    public Task SetHiddenAsync(Signature signature, bool hidden, CancellationToken cancellationToken)
    {
        var before = new { signature.Hidden };
        signature.Hidden = hidden;
        return SaveAsync(signature, hidden ? AuditActions.SignatureHidden : AuditActions.SignatureShown,
            before, new { signature.Hidden }, null, cancellationToken);
    }

    /// <summary>
    /// A moderator verified the person by other means (a call, a meeting, an official page) and says how: the
    /// signature is then "checked by the organisers" in public. An empty note takes the check back.
    /// </summary>
    public Task SetCheckedAsync(Signature signature, string? note, CancellationToken cancellationToken)
    {
        var before = new { checkedNote = signature.CheckedNote };
        signature.CheckedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return SaveAsync(signature, signature.CheckedNote is null ? AuditActions.SignatureUnchecked : AuditActions.SignatureChecked,
            before, new { checkedNote = signature.CheckedNote }, null, cancellationToken);
    }

    /// <summary>Fixes what the signer asks to have fixed; the audit keeps the changed fields, before and after.</summary>
    public async Task<bool> CorrectAsync(Signature signature, SignatureCorrection correction, CancellationToken cancellationToken)
    {
        var before = new Dictionary<string, string?>();
        var after = new Dictionary<string, string?>();
        void Set(string field, string? current, string? wanted, Action<string?> assign)
        {
            wanted = TextRules.Tidy(wanted);
            if (current == wanted) return;
            before[field] = current;
            after[field] = wanted;
            assign(wanted);
        }
        Set("name", signature.Name, correction.Name, v => signature.Name = v ?? signature.Name);
        Set("title", signature.Title, correction.Title, v => signature.Title = v);
        Set("organization", signature.Organization, correction.Organization, v => signature.Organization = v);
        Set("country", signature.Country, correction.Country?.ToUpperInvariant(), v => signature.Country = v);
        Set("city", signature.City, correction.City, v => signature.City = v);
        Set("category", signature.Category, correction.Category, v => signature.Category = v);
        if (after.Count == 0)
            return false;
        // A badge vouches for the organisation it was earned under: another organisation is judged again, as when
        // the signer changes it (the moderator is the review, so nothing is held).
        if (after.ContainsKey("organization") && signature.ConfirmedAt is not null)
            signature.VerifiedDomain = await affiliations.VerifiedDomainAsync(signature, cancellationToken);
        signature.RefreshSearchText();
        await SaveAsync(signature, AuditActions.SignatureCorrected, before, after, correction.Note, cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes on the signer's request: every piece of personal data goes, the row stays as a withdrawn signature
    /// so the history of the count (when it was signed, confirmed, published) still adds up. The address's
    /// withdrawal record keeps an import from adding it back.
    /// </summary>
    public async Task EraseAsync(Signature signature, string? note, CancellationToken cancellationToken)
    {
        var before = Moderation(signature);
        await erasure.EraseAsync(signature, () =>
            audit.Record(AuditActions.SignatureErased, signature.LetterId, signature.Id, before, Moderation(signature), note), cancellationToken);
        publicView.Changed(signature.LetterId);
    }

    async Task SaveAsync(Signature signature, string action, object before, object after, string? detail,
        CancellationToken cancellationToken)
    {
        signature.UpdatedAt = time.GetUtcNow();
        audit.Record(action, signature.LetterId, signature.Id, before, after, detail);
        await db.SaveChangesAsync(cancellationToken);
        publicView.Changed(signature.LetterId);
    }

    /// <summary>What the audit keeps of a moderation: never the signer's personal data.</summary>
    static object Moderation(Signature s) => new { state = s.State.ToString(), reason = s.ModerationReason };

    string ActorName => http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "system";
}

/// <summary>What a decision changed, and how many of the rows it was asked about the lifecycle refused.</summary>
public record Decision(int Changed, int Skipped);

public class SignatureCorrection
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? Category { get; set; }
    /// <summary>How the signer asked for it (e.g. "email of 27 Nov"), kept in the audit log.</summary>
    public string? Note { get; set; }
}
