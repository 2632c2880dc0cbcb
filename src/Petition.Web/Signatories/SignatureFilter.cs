using System.Globalization;
using Petition.Data.Signatures;

namespace Petition.Web.Signatories;

/// <summary>What the review queue and the exports both narrow a letter's signatures by.</summary>
public class SignatureFilter
{
    public SignatureState? State { get; set; }
    public string? Country { get; set; }
    public string? Category { get; set; }
    /// <summary>Signed at or after (UTC), "2026-11-27T10:00" or any ISO 8601 form.</summary>
    public string? From { get; set; }
    /// <summary>Signed before (UTC).</summary>
    public string? To { get; set; }

    public DateTimeOffset? FromUtc => ParseUtc(From);
    public DateTimeOffset? ToUtc => ParseUtc(To);

    static DateTimeOffset? ParseUtc(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
}

public static class SignatureFilters
{
    /// <summary>The signatures the filter's state, country, category and dates allow; plain comparisons on every provider.</summary>
    public static IQueryable<Signature> Narrowed(this IQueryable<Signature> signatures, SignatureFilter filter, bool byState = true)
    {
        if (byState && filter.State is { } state)
            signatures = signatures.Where(s => s.State == state);
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            signatures = signatures.Where(s => s.Country == country);
        }
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var category = filter.Category.Trim();
            signatures = signatures.Where(s => s.Category == category);
        }
        if (filter.FromUtc is { } from)
            signatures = signatures.Where(s => s.CreatedAt >= from);
        if (filter.ToUtc is { } to)
            signatures = signatures.Where(s => s.CreatedAt < to);
        return signatures;
    }
}
