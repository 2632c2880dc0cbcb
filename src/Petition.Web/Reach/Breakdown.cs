namespace Petition.Web.Reach;

/// <summary>Published signatures on one day (UTC).</summary>
public readonly record struct DayCount(DateOnly Day, int Count);

/// <summary>
/// What the letter's public figures add up to, beyond the count: listed signatories per country and per category
/// (both only as the public list shows them, see <see cref="PublicBreakdowns"/>), and published signatures per day.
/// </summary>
/// <param name="ByCountry">Listed signatories by country code, where the list shows the country.</param>
/// <param name="ByCategory">Listed signatories by the category the list shows; the key "" for none.</param>
/// <param name="ByDay">Every published signature (the count's), by the day it was published, oldest first.</param>
public sealed record Breakdown(IReadOnlyDictionary<string, int> ByCountry, IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyList<DayCount> ByDay)
{
    public static readonly Breakdown Empty = new(new Dictionary<string, int>(), new Dictionary<string, int>(), []);
}
