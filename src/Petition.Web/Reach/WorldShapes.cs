using System.Globalization;
using System.Text;

namespace Petition.Web.Reach;

/// <summary>A country's outline as SVG path data in <see cref="WorldShapes"/>' coordinates; code "--" for land with no ISO code.</summary>
public sealed record CountryShape(string Code, string Path);

/// <summary>
/// The countries of the world map, from <c>world-110m.txt</c> (Natural Earth, written by
/// <c>scripts/world-map.mjs</c>, built into the assembly), projected (<see cref="EqualEarth"/>) once per process into
/// whole-unit path data on a <see cref="Width"/>-wide canvas: small enough to send inline in the page.
/// </summary>
public static class WorldShapes
{
    public const int Width = 1000;
    public static int Height => Loaded.Value.Height;
    public static IReadOnlyList<CountryShape> All => Loaded.Value.Shapes;

    static readonly Lazy<(IReadOnlyList<CountryShape> Shapes, int Height)> Loaded = new(Load);

    static (IReadOnlyList<CountryShape>, int) Load()
    {
        using var stream = typeof(WorldShapes).Assembly.GetManifestResourceStream("Petition.Web.Reach.world-110m.txt")
            ?? throw new InvalidOperationException("The world map's shapes are not built into the assembly.");
        using var reader = new StreamReader(stream);
        var countries = new List<(string Code, List<List<(double X, double Y)>> Rings)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Split('\t') is not [var code, var rings])
                continue;
            countries.Add((code, rings.Split(';').Select(Ring).ToList()));
        }
        var points = countries.SelectMany(c => c.Rings).SelectMany(r => r).ToList();
        var (minX, maxX) = (points.Min(p => p.X), points.Max(p => p.X));
        var (minY, maxY) = (points.Min(p => p.Y), points.Max(p => p.Y));
        var scale = Width / (maxX - minX);
        var height = (int)Math.Ceiling((maxY - minY) * scale);
        var shapes = countries.Select(c => new CountryShape(c.Code,
            PathData(c.Rings.Select(r => r.Select(p => ((int)Math.Round((p.X - minX) * scale), (int)Math.Round((maxY - p.Y) * scale)))))))
            .Where(s => s.Path.Length > 0).ToList();
        return (shapes, height);
    }

    /// <summary>A ring of the file: tenths of a degree, the first point absolute and the rest as differences.</summary>
    static List<(double X, double Y)> Ring(string text)
    {
        var ring = new List<(double, double)>();
        int lon = 0, lat = 0;
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = pair.IndexOf(',');
            lon += int.Parse(pair.AsSpan(0, comma), CultureInfo.InvariantCulture);
            lat += int.Parse(pair.AsSpan(comma + 1), CultureInfo.InvariantCulture);
            ring.Add(EqualEarth.Project(lon / 10.0, lat / 10.0));
        }
        return ring;
    }

    /// <summary>"M x y l dx dy … z" per ring (no space before a minus sign), dropping points that land on the one before; a ring drawn to a dot is left out.</summary>
    static string PathData(IEnumerable<IEnumerable<(int X, int Y)>> rings)
    {
        var path = new StringBuilder();
        foreach (var ring in rings)
        {
            var kept = new List<(int X, int Y)>();
            foreach (var p in ring)
                if (kept.Count == 0 || p != kept[^1])
                    kept.Add(p);
            if (kept.Count < 3)
                continue;
            path.Append(CultureInfo.InvariantCulture, $"M{kept[0].X} {kept[0].Y}l");
            for (var i = 1; i < kept.Count; i++)
            {
                Number(path, kept[i].X - kept[i - 1].X, first: i == 1);
                Number(path, kept[i].Y - kept[i - 1].Y, first: false);
            }
            path.Append('z');
        }
        return path.ToString();
    }

    /// <summary>A number of path data: a minus sign separates it from the one before, so only a positive one needs a space.</summary>
    static void Number(StringBuilder path, int value, bool first)
    {
        if (!first && value >= 0)
            path.Append(' ');
        path.Append(value.ToString(CultureInfo.InvariantCulture));
    }
}
