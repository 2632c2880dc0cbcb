using System.Globalization;
using Petition.Data.Sealing;
using Petition.Data.Signatures;

namespace Petition.Web.Signatories;

/// <summary>What the review queue and the exports both narrow a letter's signatures by.</summary>
public class SignatureFilter
{
    public SignatureState? State { get; set; }
    public string? Country { get; set; }
    public string? Category { get; set; }
    /// <summary>At or after (UTC), "2026-11-27T10:00" or any ISO 8601 form.</summary>
    public string? From { get; set; }
    /// <summary>Before (UTC).</summary>
    public string? To { get; set; }

    // Methods, not properties: model binding reads every property of a bound filter, checked or not.
    public DateTimeOffset? FromUtc() => ParseUtc(From, nameof(From));
    public DateTimeOffset? ToUtc() => ParseUtc(To, nameof(To));

    /// <summary>
    /// An unreadable date is never taken for "no date", which would hand back the whole list: the filter is checked
    /// (<see cref="SignatureFilterValidator"/>) before it narrows anything, and a path that skips the check fails.
    /// </summary>
    static DateTimeOffset? ParseUtc(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : TryParseUtc(value, out var parsed) ? parsed
        : throw new InvalidOperationException($"The filter's {field} \"{value}\" is not a date; validate the filter before using it.");

    public static bool TryParseUtc(string value, out DateTimeOffset parsed) =>
        DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed);
}

/// <summary>Which of a signature's dates a filter's from and to are compared with.</summary>
public enum FilterDate
{
    /// <summary>When the signature was made (<see cref="Signature.CreatedAt"/>).</summary>
    Signed,

    /// <summary>When it was published (<see cref="Signature.PublishedAt"/>), the date the public list shows.</summary>
    Published,
}

public static class SignatureFilters
{
    /// <summary>
    /// The signatures the filter's state, country, category and dates allow; plain comparisons on every provider.
    /// With <paramref name="sealedValues"/> (the organisers' views), a country or category that is stored only sealed is
    /// matched too, by its keyed hash; without it (anything public) only values already in the clear can match.
    /// </summary>
    public static IQueryable<Signature> Narrowed(this IQueryable<Signature> signatures, SignatureFilter filter, bool byState = true,
        FilterDate date = FilterDate.Signed, IPersonalDataSeal? sealedValues = null)
    {
        if (byState && filter.State is { } state)
            signatures = signatures.Where(s => s.State == state);
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            var hash = sealedValues is null ? null : SignatureStorage.CountryHash(sealedValues, country);
            signatures = hash is null ? signatures.Where(s => s.Country == country) : signatures.Where(s => s.Country == country || s.CountryHash == hash);
        }
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var category = filter.Category.Trim();
            var hash = sealedValues is null ? null : SignatureStorage.CategoryHash(sealedValues, category);
            signatures = hash is null ? signatures.Where(s => s.Category == category) : signatures.Where(s => s.Category == category || s.CategoryHash == hash);
        }
        if (filter.FromUtc() is { } from)
            signatures = date == FilterDate.Published ? signatures.Where(s => s.PublishedAt >= from) : signatures.Where(s => s.CreatedAt >= from);
        if (filter.ToUtc() is { } to)
            signatures = date == FilterDate.Published ? signatures.Where(s => s.PublishedAt < to) : signatures.Where(s => s.CreatedAt < to);
        return signatures;
    }

    /// <summary>How a description of the filter names its dates: "signed from", "published before".</summary>
    public static string Word(this FilterDate date) => date == FilterDate.Published ? "published" : "signed";
}
