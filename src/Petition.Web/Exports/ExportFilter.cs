using System.Globalization;
using Petition.Data.Signatures;

namespace Petition.Web.Exports;

/// <summary>What an export is narrowed to, bound from the query string of every download link.</summary>
public class ExportFilter
{
    public SignatureState? State { get; set; }
    public string? Country { get; set; }
    public string? Category { get; set; }
    public bool? Notable { get; set; }
    /// <summary>Signed at or after (UTC), any ISO 8601 form.</summary>
    public string? From { get; set; }
    /// <summary>Signed before (UTC).</summary>
    public string? To { get; set; }
    /// <summary>The version of the letter's text that was signed.</summary>
    public int? Version { get; set; }

    public DateTimeOffset? FromUtc => ParseUtc(From);
    public DateTimeOffset? ToUtc => ParseUtc(To);

    /// <summary>What a reader of the file or the audit log needs to know about how it was narrowed.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string key, object? value) { if (value is not null && value.ToString() is { Length: > 0 } text) parts.Add($"{key}={text}"); }
        Add("state", State);
        Add("country", Country?.Trim().ToUpperInvariant());
        Add("category", Category?.Trim());
        Add("notable", Notable?.ToString().ToLowerInvariant());
        Add("from", FromUtc?.ToString("u", CultureInfo.InvariantCulture));
        Add("to", ToUtc?.ToString("u", CultureInfo.InvariantCulture));
        Add("version", Version);
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    public Dictionary<string, string> ToRouteValues()
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) values[key] = value.Trim(); }
        Add("state", State?.ToString());
        Add("country", Country);
        Add("category", Category);
        Add("notable", Notable?.ToString().ToLowerInvariant());
        Add("from", From);
        Add("to", To);
        Add("version", Version?.ToString(CultureInfo.InvariantCulture));
        return values;
    }

    static DateTimeOffset? ParseUtc(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
}
