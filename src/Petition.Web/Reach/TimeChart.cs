using System.Globalization;
using System.Text;

namespace Petition.Web.Reach;

/// <summary>
/// The chart of signatures over time: the published count at the end of each day, from the first day to the last,
/// as an SVG path in a <see cref="Width"/> by <see cref="Height"/> box, with what a reader needs in words.
/// </summary>
public sealed record TimeChart(string Line, string Area, DateOnly First, DateOnly Last, int Total, DayCount Busiest)
{
    public const int Width = 600, Height = 200;

    /// <summary>The chart, or null before anything is published.</summary>
    public static TimeChart? Of(IReadOnlyList<DayCount> days)
    {
        if (days.Count == 0)
            return null;
        var (first, last) = (days[0].Day, days[^1].Day);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var total = days.Sum(d => d.Count);
        var line = new StringBuilder();
        var running = 0;
        // A step for each day that had signatures; a single day draws a flat line across.
        foreach (var day in days)
        {
            running += day.Count;
            var x = days.Count == 1 ? 0 : Width * (double)(day.Day.DayNumber - first.DayNumber) / span;
            var y = Height - Height * (double)running / total;
            line.Append(CultureInfo.InvariantCulture, $"{(line.Length == 0 ? "M" : "L")}{x:0.#} {y:0.#}");
        }
        if (days.Count == 1)
            line.Append(CultureInfo.InvariantCulture, $"L{Width} 0");
        var area = $"M0 {Height}L{line.ToString()[1..]}L{Width} {Height}z";
        return new TimeChart(line.ToString(), area, first, last, total, days.MaxBy(d => d.Count));
    }
}
