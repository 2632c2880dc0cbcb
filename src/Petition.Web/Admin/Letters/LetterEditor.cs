using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin.Audit;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Admin.Letters;

/// <summary>
/// Creates and changes letters. Once a letter has been published or anyone has signed its text, a change to its
/// title or body is a new version, whatever the letter's status (a signed letter put back to draft is still signed): the signatures made so
/// far keep pointing at the text they signed. <see cref="Petition.Data.Letters.SignedTextGuard"/> refuses any
/// other path that would rewrite it.
/// </summary>
public class LetterEditor(PetitionDbContext db, AuditTrail audit, PublicView publicView, Petition.Web.Letters.LetterCache letters,
    TextVersions versions, TimeProvider time)
{
    public Task<bool> SlugTakenAsync(string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Letters.AnyAsync(l => l.Slug == slug && l.Id != exceptId, cancellationToken);

    public async Task<Letter> CreateAsync(LetterForm form, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var letter = new Letter { Slug = form.Slug, Title = "", Recipients = "", Body = "", CreatedAt = now, Version = 1 };
        Apply(form, letter);
        letter.Versions.Add(new LetterVersion { Version = 1, Title = letter.Title, Body = letter.Body, Recipients = letter.Recipients,
            CreatedAt = now, ChangeSummary = form.ChangeSummary });
        db.Letters.Add(letter);
        await db.SaveChangesAsync(cancellationToken); // the id first, then the entry that names it
        audit.Record(AuditActions.LetterCreated, letter.Id, after: Snapshot(letter));
        await db.SaveChangesAsync(cancellationToken);
        return letter;
    }

    /// <summary>
    /// Why the form cannot be saved over this letter, by field, or null: a retention that breaks the promise its
    /// signers read in the privacy notice (<see cref="Letter.KeepsRetentionPromise"/>). The form shows it on the
    /// field; <see cref="Petition.Data.Letters.SignedTextGuard"/> refuses the save whatever path tries it.
    /// </summary>
    public async Task<(string Field, string Message)?> RefusalAsync(Letter letter, LetterForm form, CancellationToken cancellationToken) =>
        Letter.KeepsRetentionPromise(letter.ContactRetentionDays, form.ContactRetentionDays,
            await db.Signatures.AnyAsync(s => s.LetterId == letter.Id, cancellationToken))
            ? null
            : (nameof(LetterForm.ContactRetentionDays),
                $"People signed after being told their address would be erased {letter.ContactRetentionDays} days after the letter closes: "
                + "that can be made sooner, not later or never.");

    public async Task UpdateAsync(Letter letter, LetterForm form, CancellationToken cancellationToken)
    {
        var before = Snapshot(letter);
        var fieldsBefore = letter.Fields;
        Apply(form, letter);
        // A field made public now publishes only what is given from now on: earlier signers were told otherwise.
        var anyoneSigned = await db.Signatures.AnyAsync(s => s.LetterId == letter.Id, cancellationToken);
        letter.Fields = fieldsBefore.After(letter.Fields, time.GetUtcNow(), anyoneSigned);
        // Whom it is addressed to is part of what was signed, as its title and text are.
        var textChanged = (string?)before["title"] != letter.Title || (string?)before["body"] != letter.Body
            || (string?)before["recipients"] != letter.Recipients;
        var now = time.GetUtcNow();
        letter.UpdatedAt = now;
        if (textChanged)
            await RecordVersionAsync(letter, before, wasDraft: before["status"] as string == nameof(LetterStatus.Draft),
                form.ChangeSummary, now, cancellationToken);
        var after = Snapshot(letter);
        var changed = after.Keys.Where(k => !Equals(before[k], after[k])).ToList();
        if (changed.Count == 0)
            return;
        audit.Record(AuditActions.LetterUpdated, letter.Id, null,
            changed.ToDictionary(k => k, k => before[k]), changed.ToDictionary(k => k, k => after[k]), form.ChangeSummary);
        await db.SaveChangesAsync(cancellationToken);
        letters.Evict(letter.Slug);
        if (before["slug"] is string oldSlug)
            letters.Evict(oldSlug);
        publicView.Changed(letter.Id);
    }

    async Task RecordVersionAsync(Letter letter, Dictionary<string, object?> before, bool wasDraft, string? summary,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signed = await db.Signatures.AnyAsync(s => s.LetterId == letter.Id && s.LetterVersion == letter.Version, cancellationToken);
        var current = await db.LetterVersions.FirstOrDefaultAsync(v => v.LetterId == letter.Id && v.Version == letter.Version, cancellationToken);
        if (current is null)
        {
            // A letter made before versions were kept: its old text becomes the version it had.
            current = new LetterVersion { LetterId = letter.Id, Version = letter.Version, Title = (string)before["title"]!,
                Body = (string)before["body"]!, Recipients = (string?)before["recipients"], CreatedAt = letter.CreatedAt };
            db.LetterVersions.Add(current);
        }
        if (wasDraft && !signed)
        {
            // A draft nobody has signed (never opened, or opened and put back before anyone signed): rewritten in
            // place. Once published, or once signed, every change is a new version listed publicly.
            current.Title = letter.Title;
            current.Body = letter.Body;
            current.Recipients = letter.Recipients;
            current.ChangeSummary = summary;
            return;
        }
        await versions.NextAsync(letter, summary, translationChanged: null, now, cancellationToken);
    }

    static void Apply(LetterForm form, Letter letter)
    {
        letter.Slug = form.Slug.Trim();
        letter.Title = form.Title.Trim();
        letter.Recipients = form.Recipients.Trim();
        letter.Body = form.Body.Replace("\r\n", "\n");
        letter.Goal = form.Goal;
        letter.OpensAt = LetterForm.ParseUtc(form.OpensAt);
        letter.ClosesAt = LetterForm.ParseUtc(form.ClosesAt);
        letter.DeliverAtClose = form.DeliverAtClose;
        letter.Milestones = form.MilestoneList() ?? letter.Milestones;
        letter.Status = form.Status;
        letter.ModerationMode = form.ModerationMode;
        letter.Categories = form.CategoryList();
        letter.IdentificationNote = string.IsNullOrWhiteSpace(form.IdentificationNote) ? null : form.IdentificationNote.Trim();
        letter.Fields = form.Fields.ToLetterFields() with { Visibilities = form.VisibilityWords() };
        letter.NamesHeld = form.NamesHeld;
        letter.NamesHeldUntil = LetterForm.ParseUtc(form.NamesHeldUntil);
        letter.IndexSignatories = form.IndexSignatories;
        letter.AcceptsOrganisations = form.AcceptsOrganisations;
        letter.ContactRetentionDays = form.ContactRetentionDays;
        letter.RequireProofOfWork = form.RequireProofOfWork;
        letter.EmbedHosts = form.EmbedHostList();
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n").Trim();
        // The name and the contact go into mail headers (sender's name, Reply-To): one line, no control characters.
        static string? Line(string? value) => Clean(value is null ? null : new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()));
        var o = form.Organiser;
        letter.Organiser = new Organiser
        {
            Name = Line(o.Name), Email = Line(o.Email), Website = Line(o.Website), LegalNotice = Clean(o.LegalNotice),
            ConfirmationMessage = Clean(o.ConfirmationMessage), ThankYouMessage = Clean(o.ThankYouMessage),
            LogoType = letter.Organiser.LogoType,
        };
    }

    /// <summary>The letter's settings as plain values, so before and after compare field by field.</summary>
    static Dictionary<string, object?> Snapshot(Letter l) => new()
    {
        ["slug"] = l.Slug, ["title"] = l.Title, ["recipients"] = l.Recipients, ["body"] = l.Body,
        ["goal"] = l.Goal, ["opensAt"] = l.OpensAt, ["closesAt"] = l.ClosesAt, ["deliverAtClose"] = l.DeliverAtClose, ["milestones"] = string.Join(" ", l.Milestones), ["status"] = l.Status.ToString(),
        ["moderationMode"] = l.ModerationMode.ToString(), ["categories"] = string.Join(" | ", l.Categories),
        ["identificationNote"] = l.IdentificationNote, ["requireProofOfWork"] = l.RequireProofOfWork, ["fields"] = System.Text.Json.JsonSerializer.Serialize(l.Fields),
        ["version"] = l.Version, ["embedHosts"] = string.Join(" ", l.EmbedHosts),
        ["namesHeld"] = l.NamesHeld, ["namesHeldUntil"] = l.NamesHeldUntil, ["indexSignatories"] = l.IndexSignatories,
        ["acceptsOrganisations"] = l.AcceptsOrganisations,
        ["contactRetentionDays"] = l.ContactRetentionDays,
        ["organiser"] = System.Text.Json.JsonSerializer.Serialize(l.Organiser),
    };
}
