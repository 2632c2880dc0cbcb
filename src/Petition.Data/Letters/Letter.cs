namespace Petition.Data.Letters;

public class Letter
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Recipients { get; set; }

    /// <summary>Markdown; sanitised when rendered, never trusted as HTML.</summary>
    public required string Body { get; set; }

    public LetterStatus Status { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public int? Goal { get; set; }
    public ModerationMode ModerationMode { get; set; }

    /// <summary>The version of the text that a signature made now would sign.</summary>
    public int Version { get; set; } = 1;

    public List<string> Categories { get; set; } = [];
    public LetterFields Fields { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>
    /// How the organiser's import files map to fields, remembered from the last import: JSON of heading → field
    /// ("" for a column they chose to ignore).
    /// </summary>
    public string? ImportColumns { get; set; }

    /// <summary>Shown under the list when set, e.g. "Affiliations are for identification only."</summary>
    public string? IdentificationNote { get; set; }

    /// <summary>Switched on by an organiser when the letter is under attack: signing then costs a proof of work.</summary>
    public bool RequireProofOfWork { get; set; }

    /// <summary>The public list shows no names until then (the count still shows); null for at once.</summary>
    public DateTimeOffset? NamesHeldUntil { get; set; }

    /// <summary>The public list shows no names until an organiser publishes them (for example on delivery).</summary>
    public bool NamesHeld { get; set; }

    /// <summary>Whether search engines may index the list of signatories; off unless the organiser chooses.</summary>
    public bool IndexSignatories { get; set; }

    /// <summary>
    /// Days after the letter closes at which every signer's address and request data are erased, keeping the public
    /// list and the counts; null to keep them. The privacy notice says so before anyone signs.
    /// </summary>
    public int? ContactRetentionDays { get; set; }

    /// <summary>
    /// Whether a new retention keeps the promise made to those who signed under <paramref name="promised"/>: a promise to
    /// erase may be made sooner, never later, and never taken back. With nobody signed yet, anything goes.
    /// </summary>
    public static bool KeepsRetentionPromise(int? promised, int? proposed, bool anyoneSigned) =>
        !anyoneSigned || promised is null || proposed <= promised;

    /// <summary>Whether the public list may show names now (<see cref="NamesHeld"/>, <see cref="NamesHeldUntil"/>): the one rule.</summary>
    public bool NamesPublicAt(DateTimeOffset now) => !NamesHeld && (NamesHeldUntil is null || now >= NamesHeldUntil);

    /// <summary>Hosts allowed to frame the embed page (e.g. "https://partner.example").</summary>
    public List<string> EmbedHosts { get; set; } = [];

    /// <summary>Who is behind the letter: shown on its page, its privacy notice (as data controller), its PDF, and its emails' sender.</summary>
    public Organiser Organiser { get; set; } = new();

    /// <summary>Whether the form takes signatures on behalf of organisations, counted and listed apart from individuals.</summary>
    public bool AcceptsOrganisations { get; set; }

    /// <summary>
    /// Email domains whose people may sign while the letter is still a draft (the founding round), e.g. "msf.org";
    /// their signatures are confirmed by email like any other and listed first at launch.
    /// </summary>
    public List<string> FoundingDomains { get; set; } = [];

    public List<LetterVersion> Versions { get; set; } = [];

    /// <summary>The language the title and body are written in (a culture name such as "en").</summary>
    public string Language { get; set; } = "en";

    public List<LetterTranslation> Translations { get; set; } = [];

    /// <summary>Numbers of signatures shown on the page when reached, and emailed to the organisers once.</summary>
    public List<int> Milestones { get; set; } = [.. DefaultMilestones];

    public static readonly IReadOnlyList<int> DefaultMilestones = [100, 1_000, 10_000, 100_000];

    /// <summary>At <see cref="ClosesAt"/>, deliver to every recipient at once (the organiser's choice).</summary>
    public bool DeliverAtClose { get; set; }

    public bool IsOpenAt(DateTimeOffset now) =>
        Status == LetterStatus.Open
        && (OpensAt is null || OpensAt <= now)
        && (ClosesAt is null || ClosesAt > now);

    /// <summary>Closed by hand or by its deadline: its list is frozen (sealed at the close), and no door adds to it.</summary>
    public bool IsClosedAt(DateTimeOffset now) => Status == LetterStatus.Closed || ClosesAt <= now;
}

public enum LetterStatus { Draft, Open, Closed }

/// <summary>Post: a confirmed signature is published at once. Pre: it waits for a moderator.</summary>
public enum ModerationMode { Post, Pre }
