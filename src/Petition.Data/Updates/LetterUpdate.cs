namespace Petition.Data.Updates;

/// <summary>
/// News the organisers send to the signers who asked for it (delivered, a state replied, the review happened), or a
/// notice to earlier signers that the text changed (<see cref="NoticeOfVersion"/>). It is
/// written to the outbox a chunk at a time by the update sender: <see cref="Cursor"/> is the last signature written
/// to, saved in the same transaction as that chunk's emails, so a restart or a second instance goes on from there and
/// nobody is written to twice; the organisers pause and resume it from the console.
/// </summary>
public class LetterUpdate
{
    public int Id { get; set; }
    public int LetterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The words, in the letter's language and in any other the organisers wrote; a signer gets their own, else the letter's.</summary>
    public List<UpdateText> Texts { get; set; } = [];

    /// <summary>Only signers from this country (ISO 3166-1 alpha-2); null for every country.</summary>
    public string? Country { get; set; }

    public UpdateState State { get; set; }

    /// <summary>How many signers were to receive it when it was posted.</summary>
    public int Total { get; set; }

    /// <summary>How many emails have been written to the outbox so far.</summary>
    public int Queued { get; set; }

    /// <summary>The id of the last signature written to; the next chunk starts after it.</summary>
    public long Cursor { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>
    /// Set for a notice that the letter's text is now at this version, written to everyone who signed an earlier one
    /// (not only those who asked for news: the text they signed changed); its <see cref="Texts"/> hold the change's
    /// summary. Null for the organisers' news.
    /// </summary>
    public int? NoticeOfVersion { get; set; }
}

public record UpdateText(string Language, string Subject, string Body);

public enum UpdateState { Queued, Sending, Paused, Done }
