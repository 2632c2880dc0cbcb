using System.Data;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Signatories;
using Petition.Web.Site;

namespace Petition.Web.Exports;

/// <param name="Language">The language the PDF's cover, letter and headings are in, where the letter is translated
/// into it (else the original's); the rows are the same in every language.</param>
public record ExportRequest(Letter Letter, ExportScope Scope, ExportFormat Format, ExportFilter Filter, string? Language = null)
{
    /// <summary>The language the file is written in: a supported one the letter reads in, else the letter's own.</summary>
    public string WrittenIn => Format == ExportFormat.Pdf && Languages.SiteLanguages.Find(Language) is { } language
        && Letters.LetterText.LanguagesOf(Letter).Contains(language.Code) ? language.Code : Letter.Language;

    /// <summary>
    /// The filter as applied: the public list is narrowed only by what it shows, since a filter on a field the
    /// letter keeps private would tell who gave which value.
    /// </summary>
    public ExportFilter Applied => Scope == ExportScope.Public ? Filter.OnPublishedFields(Letter.Fields) : Filter;
}

/// <summary>A file that has been written, hashed and signed, with what its download says about it.</summary>
public record MadeExport(string FileName, string MediaType, byte[] Sha256, byte[] Signature, int Count, string PublicKeyUrl,
    byte[] Manifest, byte[] ManifestSignature)
{
    /// <summary>The download of <paramref name="content"/>, which must be this file, read from its start.</summary>
    public SignedFile Serve(Stream content) =>
        new(content, FileName, MediaType, Sha256, Signature, Count, PublicKeyUrl, Manifest, ManifestSignature);
}

/// <summary>
/// Makes an export: the rows stream from one consistent snapshot of the database into a temporary file (memory
/// stays flat however long the list), then the file is hashed and signed, and handed out with its digest and
/// signature. The temporary file is deleted when the response is done with it.
/// </summary>
public class SignedExports(PetitionDbContext db, IEnumerable<IExportWriter> writers, ExportSigningKey key,
    IOptions<SiteOptions> site, TimeProvider time)
{
    public async Task<SignedFile> CreateAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"petition-export-{Guid.NewGuid():N}.{request.Format.Extension()}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var made = await WriteAsync(request, file, cancellationToken);
            file.Position = 0;
            return made.Serve(file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the export into <paramref name="file"/> (empty, readable), then hashes and signs what it wrote.</summary>
    public async Task<MadeExport> WriteAsync(ExportRequest request, FileStream file, CancellationToken cancellationToken)
    {
        var (letter, scope, format, _, _) = request;
        var filter = request.Applied;
        var writer = writers.Single(w => w.Format == format);
        var now = time.GetUtcNow();
        var version = filter.Version is { } v && v != letter.Version
            ? await db.LetterVersions.AsNoTracking().FirstOrDefaultAsync(x => x.LetterId == letter.Id && x.Version == v, cancellationToken)
            : null;

        int count;
        string described;
        Dictionary<string, int> levels;
        Dictionary<string, int>? kinds = null;
        var (versionSigned, title) = (version?.Version ?? letter.Version, version?.Title ?? letter.Title);
        // The text reads in the file's language as that version's translation stood (what its signers in that
        // language read), else as the original of that version.
        var text = await SignedTextAsync(letter, version, request.WrittenIn, cancellationToken);
        var letterUrl = site.Value.Link($"/letters/{letter.Slug}");
        // One snapshot for the count on the cover and the rows under it.
        await using (var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
        {
            var selected = db.Selected(letter, scope, filter);
            count = await selected.CountAsync(cancellationToken);
            // The manifest says how many rows stand at each verification level, every level named even at nought.
            var byLevel = await selected.GroupBy(s => s.Verification).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            levels = Verifications.Words.ToDictionary(w => w.Word, w => byLevel.FirstOrDefault(l => l.Key == w.Level)?.Count ?? 0);
            // And, where organisations sign, how many rows are theirs ("38 organisations and 1,240 individuals").
            if (letter.AcceptsOrganisations)
                kinds = ExportManifest.KindsOf(await selected.CountAsync(s => s.ForOrganisation, cancellationToken), count);
            described = filter.Describe(scope);
            // The cover says how many signed in all, and so how many chose not to be listed: as at the file's end date
            // when it has one (a delivery pack is the list as it stood at delivery, its cover too).
            var counted = format == ExportFormat.Pdf
                ? await db.Signatures.Where(s => s.LetterId == letter.Id && s.State == SignatureState.Published)
                    .Narrowed(new SignatureFilter { To = filter.To }, byState: false, ExportQuery.DateOf(ExportScope.Public)).CountAsync(cancellationToken)
                : count;
            var document = new ExportDocument(site.Value.Name, letter, letterUrl, versionSigned, text.Title, text.Body,
                scope, described, count, now, ExportColumns.For(scope, letter.Fields, letter.AcceptsOrganisations)) { Language = text.Language, Recipients = text.Recipients, Counted = counted };
            await writer.WriteAsync(file, document, selected.StreamAsync(scope, db.GetService<Petition.Data.Sealing.IPersonalDataSeal>(), cancellationToken), cancellationToken);
            await snapshot.CommitAsync(cancellationToken);
        }
        await file.FlushAsync(cancellationToken);
        file.Position = 0;
        var sha256 = await SHA256.HashDataAsync(file, cancellationToken);
        var signature = await key.SignAsync(sha256, cancellationToken);
        // The count a download states is of the rows in the file.
        var listed = writer.MaxRows is { } max ? Math.Min(count, max) : count;
        var name = FileName(letter, scope, format, now);
        var keyUrl = site.Value.Link(ExportSigningKey.WellKnownPath);
        var manifest = new ExportManifest(name, Convert.ToHexStringLower(sha256), listed, site.Value.Name,
            new ExportManifest.LetterPart(letter.Slug, title, letterUrl, versionSigned),
            scope.ToString().ToLowerInvariant(), described, now, keyUrl, levels, kinds).ToUtf8();
        var manifestSignature = await key.SignAsync(SHA256.HashData(manifest), cancellationToken);
        return new MadeExport(name, format.MediaType(), sha256, signature, listed, keyUrl, manifest, manifestSignature);
    }

    /// <summary>
    /// The text a version's signers read in <paramref name="language"/>: its translation as recorded for that version,
    /// else the version's original. The current version without a record (a letter translated before versions kept
    /// their translations) reads as the letter page does.
    /// </summary>
    async Task<(string Title, string Body, string Language, string Recipients)> SignedTextAsync(Letter letter, LetterVersion? version, string language,
        CancellationToken cancellationToken)
    {
        var versionSigned = version?.Version ?? letter.Version;
        if (language != letter.Language && await db.LetterVersionTranslations.AsNoTracking()
                .FirstOrDefaultAsync(t => t.LetterId == letter.Id && t.Version == versionSigned && t.Language == language, cancellationToken)
            is { } recorded)
            return (recorded.Title, recorded.Body, recorded.Language, recorded.Recipients ?? version?.Recipients ?? letter.Recipients);
        if (version is not null)
            return (version.Title, version.Body, letter.Language, version.Recipients ?? letter.Recipients);
        var current = Letters.LetterText.Of(letter, language);
        return (current.Title, current.Body, current.Language, current.Recipients);
    }

    /// <summary>Only letters, digits and hyphens: the slug is already so, and the rest is ours.</summary>
    static string FileName(Letter letter, ExportScope scope, ExportFormat format, DateTimeOffset at)
    {
        var slug = new string(letter.Slug.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        var suffix = scope == ExportScope.Public ? "" : "-" + scope.ToString().ToLowerInvariant();
        return $"{slug}-signatories{suffix}-{at.UtcDateTime:yyyyMMdd-HHmm}.{format.Extension()}";
    }
}
