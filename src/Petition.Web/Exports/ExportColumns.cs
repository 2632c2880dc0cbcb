using System.Collections.Concurrent;
using System.Globalization;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Letters;

namespace Petition.Web.Exports;

/// <summary>A column of an export: its JSON key, its heading in a spreadsheet or PDF, and how a row fills it.</summary>
public record ExportColumn(string Key, string Header, Func<ExportRow, object?> Value)
{
    /// <summary>The cell as text: dates in ISO 8601 UTC, booleans as yes/no, everything culture-invariant.</summary>
    public string? Text(ExportRow row) => Value(row) switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "yes" : "no",
        // "s" is ISO 8601 without a fraction, formatted without parsing a pattern each time.
        DateTimeOffset at => at.UtcDateTime.ToString("s", CultureInfo.InvariantCulture) + "Z",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };
}

/// <summary>Which columns each scope writes. The public scope follows the letter's own choice of public fields.</summary>
public static class ExportColumns
{
    /// <param name="organisations">The letter takes organisations (<see cref="Letter.AcceptsOrganisations"/>): each line says whether it is one.</param>
    public static IReadOnlyList<ExportColumn> For(ExportScope scope, LetterFields fields, bool organisations = false) =>
        [.. scope switch
        {
            ExportScope.Public => (IReadOnlyList<ExportColumn>)Public(fields),
            ExportScope.Moderation => Moderation,
            _ => Full,
        }, .. organisations ? Organisations : []];

    /// <summary>Last, so the columns of a letter that takes no organisations stay as they were.</summary>
    static readonly ExportColumn[] Organisations =
    [
        new("forOrganization", "On behalf of an organisation", r => r.ForOrganisation),
        new("website", "Website", r => r.Website),
        new("founding", "Founding signatory", r => r.Founding),
    ];

    /// <summary>The letter's public fields (<see cref="PublicField"/>), nothing else a signer was not told is published.</summary>
    static List<ExportColumn> Public(LetterFields fields)
    {
        var columns = new List<ExportColumn> { new("name", "Name", r => r.Name) };
        foreach (var field in PublicField.Of(fields))
        {
            // A value given before its field was made public stays out (FieldRule.PublishedFor), in every format.
            var rule = field.Rule(fields);
            var named = field.NamesOrganisation; // an organisation's name and country are public with it (PublicField.IsPublic)
            var value = Moderation.Single(c => c.Key == field.Key).Value;
            if (field == PublicField.Country)
            {
                columns.Add(new("country", "Country code", r => r.ForOrganisation || rule.PublishedFor(r.CreatedAt) ? r.Country : null));
                columns.Add(new("countryName", "Country", r => r.ForOrganisation || rule.PublishedFor(r.CreatedAt) ? CountryName(r) : null));
            }
            else
                columns.Add(new(field.Key, field.Label, r => (named && r.ForOrganisation) || rule.PublishedFor(r.CreatedAt) ? value(r) : null));
        }
        columns.Add(new("verifiedAt", "Verified at", r => r.ShowVerifiedBadge ? r.VerifiedDomain : null));
        columns.Add(Verification);
        columns.Add(new("notable", "Notable", r => r.Notable));
        columns.Add(new("signedAt", "Signed", r => r.PublishedAt));
        return columns;
    }

    static readonly ExportColumn Verification = new("verification", "Verification", r => r.Verification.Word());

    static readonly ExportColumn[] Moderation =
    [
        new("id", "Id", r => r.Id),
        new("name", "Name", r => r.Name),
        new("title", "Title", r => r.Title),
        new("organization", "Organisation", r => r.Organization),
        new("category", "Category", r => r.Category),
        new("country", "Country code", r => r.Country),
        new("countryName", "Country", CountryName),
        new("city", "City", r => r.City),
        new("comment", "Comment", r => r.Comment),
        new("listPublicly", "Listed publicly", r => r.ListPublicly),
        new("visibility", "Visibility", r => r.Visibility.Word()),
        new("notable", "Notable", r => r.Notable),
        new("hidden", "Hidden", r => r.Hidden),
        new("state", "State", r => r.State.ToString()),
        new("moderationReason", "Reason", r => r.ModerationReason),
        new("moderatedBy", "Moderated by", r => r.ModeratedBy),
        new("moderatedAt", "Moderated at", r => r.ModeratedAt),
        new("blockedReason", "Blocked because", r => r.BlockedReason),
        new("verifiedDomain", "Verified domain", r => r.VerifiedDomain),
        Verification,
        new("letterVersion", "Letter version", r => r.LetterVersion),
        new("source", "Source", r => r.Source.ToString()),
        new("language", "Language", r => r.Language),
        new("signedAt", "Signed", r => r.CreatedAt),
        new("confirmedAt", "Confirmed", r => r.ConfirmedAt),
        new("publishedAt", "Published", r => r.PublishedAt),
    ];

    static readonly ExportColumn[] Full =
    [
        .. Moderation.Take(2),
        new("email", "Email", r => r.Email),
        .. Moderation.Skip(2),
        new("unsubscribed", "Unsubscribed", r => r.Unsubscribed),
        new("updatedAt", "Updated", r => r.UpdatedAt),
        new("withdrawnAt", "Withdrawn", r => r.WithdrawnAt),
        new("ipAddress", "IP address", r => r.IpAddress),
        new("userAgent", "User agent", r => r.UserAgent),
    ];

    /// <summary>Looked up once per country, not once per row: naming a region through ICU costs more than writing the row.</summary>
    static readonly ConcurrentDictionary<string, string> CountryNames = new(StringComparer.Ordinal);

    static string? CountryName(ExportRow row) => row.Country is { } code ? CountryNames.GetOrAdd(code, Countries.EnglishName) : null;
}
