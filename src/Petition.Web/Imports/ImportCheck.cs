using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Keys;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Imports;

public enum ImportLineStatus
{
    Ready,
    Invalid,
    AlreadySigned,
    RepeatedInFile,

    /// <summary>The address withdrew from this letter: only its owner may sign again, through the form.</summary>
    Withdrew,
}

/// <summary>What the preview says about one line, and what a commit would do with it.</summary>
public record CheckedLine(ImportLine Line, ImportLineStatus Status, IReadOnlyList<string> Errors, string Canonical, DateTimeOffset? SignedAt);

public record ImportReport(string? Problem, IReadOnlyList<CheckedLine> Lines, bool HasListPubliclyColumn)
{
    /// <summary>The file's columns and what each is read as, for the preview's column step.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; init; } = [];

    public int Count(ImportLineStatus status) => Lines.Count(l => l.Status == status);

    /// <summary>A file with a problem or an invalid line imports nothing at all.</summary>
    public bool CanCommit => Problem is null && Lines.Count > 0 && Count(ImportLineStatus.Invalid) == 0;
}

/// <summary>
/// Checks every line of an import with the same rules as the sign form, and finds who signed already (on this
/// letter, or earlier in the same file) and who withdrew from it. Nothing is written here: the preview and the
/// commit both ask it.
/// </summary>
public class ImportCheck(PetitionDbContext db, WithdrawnAddresses withdrawn, PersonalDataKeys keys, TimeProvider time)
{
    public async Task<ImportReport> CheckAsync(Letter letter, string text, IReadOnlyDictionary<string, string>? columns,
        CancellationToken cancellationToken)
    {
        if (letter.IsClosedAt(time.GetUtcNow()))
            return new ImportReport("The letter is closed: its list is frozen, and nothing is imported into it.", [], false);
        var file = ImportFile.Read(text, columns);
        if (file.Problem is not null)
            return new ImportReport(file.Problem, [], false) { Columns = file.Columns };
        if (file.Lines.Count == 0)
            return new ImportReport("The file names its columns but has no signatures under them.", [], file.HasListPubliclyColumn) { Columns = file.Columns };

        var validator = new SignatureInputValidator(letter);
        var canonicals = file.Lines.Select(l => EmailAddress.IsValid(l.Input.Email) ? EmailAddress.Canonicalize(l.Input.Email!) : "").ToList();
        var valid = canonicals.Where(c => c.Length > 0).Distinct().ToList();
        var existing = await ExistingAsync(letter.Id, valid, cancellationToken);
        var withdrew = await withdrawn.AmongAsync(letter.Id, valid.Where(c => !existing.Contains(c)), cancellationToken);
        var seen = new HashSet<string>();
        var now = time.GetUtcNow();
        var lines = new List<CheckedLine>(file.Lines.Count);
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i];
            if (line.Problem is not null)
            {
                // Its values may sit in the wrong columns: checking them as a signer's would only add noise.
                lines.Add(new CheckedLine(line, ImportLineStatus.Invalid, [line.Problem], canonicals[i], null));
                continue;
            }
            var errors = (await validator.ValidateAsync(line.Input, cancellationToken)).Errors
                .Select(e => $"{ImportColumns.Name(file.Columns, e.PropertyName)}: {e.ErrorMessage}").ToList();
            DateTimeOffset? signedAt = null;
            if (line.SignedAt is { } at)
            {
                if (DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) && parsed <= now)
                    signedAt = parsed;
                else
                    errors.Add($"The date \"{at}\" is not a date in the past; write it like 2026-03-14 or 2026-03-14T10:30Z.");
            }
            if (line.Language is { } language && !Languages.LanguageCodes.IsCode(language))
                errors.Add($"The language \"{language}\" is not a language code like en, fr or zh-Hans.");
            var canonical = canonicals[i];
            var status = errors.Count > 0 ? ImportLineStatus.Invalid
                : existing.Contains(canonical) ? ImportLineStatus.AlreadySigned
                : withdrew.Contains(canonical) ? ImportLineStatus.Withdrew
                : !seen.Add(canonical) ? ImportLineStatus.RepeatedInFile
                : ImportLineStatus.Ready;
            lines.Add(new CheckedLine(line, status, errors, canonical, signedAt));
        }
        return new ImportReport(null, lines, file.HasListPubliclyColumn) { Columns = file.Columns };
    }

    async Task<HashSet<string>> ExistingAsync(int letterId, List<string> canonicals, CancellationToken cancellationToken)
    {
        var byHash = canonicals.Where(c => c.Length > 0).Distinct().ToDictionary(keys.AddressHash);
        var existing = new HashSet<string>();
        foreach (var chunk in byHash.Keys.Chunk(500))
            // An import adds people: an address that signed only for an organisation may still sign for itself.
            existing.UnionWith((await db.Signatures.Where(s => s.LetterId == letterId && !s.ForOrganisation && chunk.Contains(s.EmailHash))
                .Select(s => s.EmailHash).ToListAsync(cancellationToken)).Select(hash => byHash[hash]));
        return existing;
    }
}
