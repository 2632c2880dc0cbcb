using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;

namespace Petition.Web.Reach;

/// <summary>
/// The three GROUP BYs behind a <see cref="Breakdown"/>. Countries and categories are counted under the public
/// list's own rules (published, listed, not hidden, the clear column, which holds a value only where the signer's
/// level and the letter's fields publish it, and never a value given before the field was public), so a count can
/// never tell what the list would not.
/// </summary>
public static class BreakdownQueries
{
    public static async Task<Breakdown> RunAsync(PetitionDbContext db, Letter letter, CancellationToken cancellationToken)
    {
        var listed = db.Signatures.AsNoTracking().ListedOn(letter.Id);
        var byCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        if (letter.Fields.Country.Published)
        {
            var since = letter.Fields.Country.PublicSince;
            var countries = listed.Where(s => s.Country != null);
            if (since is { } t)
                countries = countries.Where(s => s.CreatedAt > t);
            foreach (var row in await countries.GroupBy(s => s.Country!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                byCountry[row.Key] = row.Count;
        }
        var byCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        if (letter.Fields.Category.Published && letter.Categories.Count > 0)
        {
            var since = letter.Fields.Category.PublicSince ?? DateTimeOffset.MinValue;
            var rows = await listed.GroupBy(s => s.CreatedAt > since ? s.Category : null)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            foreach (var row in rows)
                byCategory[row.Key ?? ""] = byCategory.GetValueOrDefault(row.Key ?? "") + row.Count;
        }
        return new Breakdown(byCountry, byCategory, await ByDayAsync(db, letter, cancellationToken));
    }

    sealed class DayRow
    {
        public long Day { get; set; }
        public bool Founding { get; set; }
        public long Count { get; set; }
    }

    /// <summary>
    /// Per day in SQL on each provider: SQLite keeps the time as UTC ticks (<see cref="UtcTicksConverter"/>), so a
    /// day is ticks over ticks-per-day; PostgreSQL has dates. Read through the list's index on every provider.
    /// Founding signatures were published while the letter was a draft: they are counted on its first public day
    /// (the first day of the others, else its opening day, else today), so the chart does not tell the founding
    /// round's timing, which was never public.
    /// </summary>
    static async Task<IReadOnlyList<DayCount>> ByDayAsync(PetitionDbContext db, Letter letter, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        var sql = postgres
            ? """SELECT (("PublishedAt" AT TIME ZONE 'UTC')::date - DATE '0001-01-01')::bigint AS "Day", "Founding", count(*) AS "Count" FROM "Signatures" WHERE "LetterId" = {0} AND "State" = 'Published' GROUP BY 1, 2"""
            : $$"""SELECT "PublishedAt" / {{TimeSpan.TicksPerDay}} AS "Day", "Founding", count(*) AS "Count" FROM "Signatures" WHERE "LetterId" = {0} AND "State" = 'Published' GROUP BY 1, 2""";
        var rows = await db.Database.SqlQueryRaw<DayRow>(sql, letter.Id).ToListAsync(cancellationToken);
        var days = rows.Where(r => !r.Founding).GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        if (rows.Where(r => r.Founding).Sum(r => r.Count) is > 0 and var founding)
        {
            var launch = days.Count > 0 ? days.Keys.Min()
                : DateOnly.FromDateTime((letter.OpensAt ?? db.GetService<TimeProvider>().GetUtcNow()).UtcDateTime).DayNumber;
            days[launch] = days.GetValueOrDefault(launch) + founding;
        }
        return days.OrderBy(d => d.Key).Select(d => new DayCount(DateOnly.FromDayNumber((int)d.Key), (int)d.Value)).ToList();
    }
}
