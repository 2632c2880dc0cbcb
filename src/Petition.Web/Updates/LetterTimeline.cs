using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Updates;

namespace Petition.Web.Updates;

/// <summary>What the public timeline shows beside the text's versions and the seals: milestones, the closing, deliveries.</summary>
public static class LetterTimeline
{
    public record Entry(DateTimeOffset At, EntryKind Kind, int Count);

    public enum EntryKind { Milestone, Closed, Delivered }

    /// <summary>Newest first. A delivery counts its recipients, a milestone its number, the closing the signatures then.</summary>
    public static async Task<List<Entry>> OfAsync(PetitionDbContext db, int letterId, CancellationToken cancellationToken)
    {
        var moments = await db.LetterMoments.AsNoTracking().Where(m => m.LetterId == letterId)
            .Select(m => new Entry(m.At, m.Kind == MomentKind.Closed ? EntryKind.Closed : EntryKind.Milestone, m.Count)).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.LetterId == letterId)
            .Select(d => new Entry(d.CreatedAt, EntryKind.Delivered, d.Packs.Count)).ToListAsync(cancellationToken);
        return [.. moments.Concat(deliveries).OrderByDescending(e => e.At)];
    }

    /// <summary>The milestones reached, smallest first, with when: the letter page shows them.</summary>
    public static Task<List<Entry>> MilestonesAsync(PetitionDbContext db, int letterId, CancellationToken cancellationToken) =>
        db.LetterMoments.AsNoTracking().Where(m => m.LetterId == letterId && m.Kind == MomentKind.Milestone).OrderBy(m => m.Count)
            .Select(m => new Entry(m.At, EntryKind.Milestone, m.Count)).ToListAsync(cancellationToken);
}
