using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Admin.Dashboard;
using Petition.Web.Database;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>A letter's figures for its organisers: read on the replica while there is one in step.</summary>
public class DashboardModel(ReplicaReads reads, TimeProvider time) : PageModel
{
    public int Days { get; } = 30;
    public Letter Letter { get; private set; } = null!;
    public Dictionary<SignatureState, int> ByState { get; private set; } = [];
    public DailyChart Chart { get; private set; } = null!;
    public int OutboxPending { get; private set; }
    public int OutboxFailed { get; private set; }
    public DateTimeOffset? OldestUnsent { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        reads.RunAsync(db => LoadAsync(db, slug, cancellationToken), cancellationToken);

    async Task<IActionResult> LoadAsync(PetitionDbContext db, string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        ByState = await db.Signatures.Where(s => s.LetterId == letter.Id).GroupBy(s => s.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(1 - Days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Only the timestamps of the window leave the database; the days are counted here, the same on every provider.
        var confirmed = await db.Signatures.Where(s => s.LetterId == letter.Id && s.ConfirmedAt >= since)
            .Select(s => s.ConfirmedAt!.Value).ToListAsync(cancellationToken);
        var perDay = confirmed.GroupBy(at => DateOnly.FromDateTime(at.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        Chart = DailyChart.From(perDay, today, Days);

        var unsent = db.Outbox.Where(m => m.SentAt == null && m.FailedAt == null);
        OutboxPending = await unsent.CountAsync(cancellationToken);
        OutboxFailed = await db.Outbox.CountAsync(m => m.FailedAt != null, cancellationToken);
        OldestUnsent = await unsent.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }
}
