using Petition.Data.Letters;
using Petition.Web.Letters;

namespace Petition.Web.Reach;

/// <summary>A shade of the map: the counts from <see cref="From"/> to <see cref="To"/> (0 and 0 for none).</summary>
public readonly record struct Shade(int Index, int From, int To);

/// <summary>A country of the table: its code, its name in the reader's language, its count.</summary>
public readonly record struct CountryCount(string Code, string Name, int Count);

/// <summary>
/// The map of listed signatories per country and the same figures as a table: each country shaded by a few steps
/// on a logarithmic scale (a letter's counts run from one to tens of thousands), with a legend.
/// </summary>
public sealed record WorldMap(IReadOnlyList<CountryCount> Countries, IReadOnlyList<Shade> Shades, IReadOnlyDictionary<string, int> Counts)
{
    public const int Steps = 5;

    /// <summary>
    /// The map the public may see, or null: only where the public list would show the countries themselves (the
    /// letter publishes the country and its names are out, <see cref="Letter.NamesPublicAt"/>), since a country with
    /// one signatory names them as surely as the list would (decision 028).
    /// </summary>
    public static WorldMap? For(Letter letter, Breakdown breakdown, DateTimeOffset now)
    {
        if (!letter.Fields.Country.Published || !letter.NamesPublicAt(now) || breakdown.ByCountry.Count == 0)
            return null;
        var countries = breakdown.ByCountry.Where(c => c.Value > 0)
            .Select(c => new CountryCount(c.Key, Letters.Countries.Name(c.Key), c.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        return new WorldMap(countries, ShadesUpTo(countries.Max(c => c.Count)), breakdown.ByCountry);
    }

    /// <summary>Up to <see cref="Steps"/> shades whose bounds grow by the same factor, in whole numbers, without empty or repeated steps.</summary>
    public static IReadOnlyList<Shade> ShadesUpTo(int max)
    {
        var shades = new List<Shade> { new(0, 0, 0) };
        var from = 1;
        for (var step = 1; step <= Steps && from <= max; step++)
        {
            var to = step == Steps ? max : Math.Max(from, (int)Math.Round(Math.Pow(max, step / (double)Steps)));
            shades.Add(new Shade(shades.Count, from, to));
            from = to + 1;
        }
        return shades;
    }

    public int CountOf(string code) => Counts.GetValueOrDefault(code);

    public Shade ShadeOf(int count) => Shades.FirstOrDefault(s => count >= s.From && count <= s.To && s.Index > 0 == count > 0);
}
