namespace Petition.Data.Updates;

/// <summary>
/// A moment in a letter's public timeline that the site itself noticed: a milestone of signatures reached, or the
/// letter closed at its deadline. <see cref="Key"/> is unique per letter, so whichever instance notices first
/// records it (and writes its email) and every other finds it taken: each moment happens once.
/// </summary>
public class LetterMoment
{
    public int Id { get; set; }
    public int LetterId { get; set; }
    public MomentKind Kind { get; set; }

    /// <summary>"milestone:1000", or "closed:" and the deadline's ticks (a letter reopened with a new deadline closes again).</summary>
    public required string Key { get; set; }

    /// <summary>The milestone, or the number of signatures counted when the letter closed.</summary>
    public int Count { get; set; }

    public DateTimeOffset At { get; set; }

    public static string MilestoneKey(int milestone) => $"milestone:{milestone}";
    public static string ClosedKey(DateTimeOffset deadline) => $"closed:{deadline.UtcTicks}";
}

public enum MomentKind { Milestone, Closed }
