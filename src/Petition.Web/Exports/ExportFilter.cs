using System.Globalization;
using Petition.Data.Letters;
using Petition.Web.Signatories;

namespace Petition.Web.Exports;

/// <summary>What an export is narrowed to, bound from the query string of every download link.</summary>
public class ExportFilter : SignatureFilter
{
    public bool? Notable { get; set; }
    /// <summary>The version of the letter's text that was signed.</summary>
    public int? Version { get; set; }

    /// <summary>This filter without its country and category when the letter does not publish them.</summary>
    public ExportFilter OnPublishedFields(LetterFields fields) => new()
    {
        State = State, From = From, To = To, Notable = Notable, Version = Version,
        Country = fields.Country.Published ? Country : null,
        Category = fields.Category.Published ? Category : null,
    };

    /// <summary>What a reader of the file or the audit log needs to know about how it was narrowed, dates named by kind.</summary>
    public string Describe(ExportScope scope)
    {
        var date = ExportQuery.DateOf(scope).Word();
        var parts = new List<string>();
        void Add(string key, object? value) { if (value is not null && value.ToString() is { Length: > 0 } text) parts.Add($"{key}={text}"); }
        Add("state", State);
        Add("country", Country?.Trim().ToUpperInvariant());
        Add("category", Category?.Trim());
        Add("notable", Notable?.ToString().ToLowerInvariant());
        Add($"{date} from", FromUtc()?.ToString("u", CultureInfo.InvariantCulture));
        Add($"{date} before", ToUtc()?.ToString("u", CultureInfo.InvariantCulture));
        Add("version", Version);
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
