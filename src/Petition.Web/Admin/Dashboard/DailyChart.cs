using System.Globalization;

namespace Petition.Web.Admin.Dashboard;

/// <summary>
/// A bar chart of counts per day, as plain numbers for an inline SVG drawn by the page: no script, nothing loaded.
/// </summary>
public record DailyChart(IReadOnlyList<DailyChart.Bar> Bars, int Max, int Width, int Height)
{
    public const int BarWidth = 14;
    public const int Gap = 4;
    public const int PlotHeight = 120;
    public const int Top = 16;
    public const int LabelSpace = 20;
    /// <summary>Room after the last bar for its date label, which is wider than a bar.</summary>
    public const int RightMargin = 28;

    public record Bar(DateOnly Day, int Count, int X, int Y, int Height)
    {
        public string Label => Day.ToString("d MMM", CultureInfo.InvariantCulture);
    }

    public static DailyChart From(IReadOnlyDictionary<DateOnly, int> counts, DateOnly lastDay, int days)
    {
        var max = Math.Max(1, counts.Values.DefaultIfEmpty(0).Max());
        var bars = new List<Bar>();
        for (var i = 0; i < days; i++)
        {
            var day = lastDay.AddDays(i - days + 1);
            var count = counts.GetValueOrDefault(day);
            var height = (int)Math.Round((double)count / max * PlotHeight);
            bars.Add(new Bar(day, count, i * (BarWidth + Gap), Top + PlotHeight - height, height));
        }
        return new DailyChart(bars, max, days * (BarWidth + Gap) + RightMargin, Top + PlotHeight + LabelSpace);
    }
}
