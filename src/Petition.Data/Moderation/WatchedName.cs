namespace Petition.Data.Moderation;

/// <summary>
/// A name the organisers watch for: a head of state, a laureate, a well-known figure. A signature in that name (or
/// a look-alike of it) waits for a moderator whatever the letter's moderation mode. Public figures' names, so kept
/// in the clear; notable signatories are watched too, from the list itself.
/// </summary>
public class WatchedName
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Why it is watched, for moderators ("Head of state of …").</summary>
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
