namespace Petition.Data.Recipients;

/// <summary>
/// One addressee of one letter, with the answer the organisers recorded. The answer's text is sealed whether or not
/// it is public: the public page reads it through the app, and a copy of the database shows no text an organiser
/// kept private.
/// </summary>
public class Recipient : Addressee
{
    public int LetterId { get; set; }

    /// <summary>The directory entry it was copied from, if any: the same entry is not added to a letter twice.</summary>
    public int? DirectoryEntryId { get; set; }

    public AnswerStatus AnswerStatus { get; set; }

    /// <summary>The day the answer is dated (as the recipient dated it, else the day it arrived).</summary>
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>The answer's text as the organisers transcribed it; stored only sealed.</summary>
    public string? AnswerText { get; set; }

    /// <summary>Whether the public page and API show the text (the status and date are always public).</summary>
    public bool AnswerPublic { get; set; }

    /// <summary>When the answer was last recorded or changed.</summary>
    public DateTimeOffset? AnswerRecordedAt { get; set; }

    public override string?[] SealedValues() => [.. base.SealedValues(), AnswerText];

    public override void Open(string?[] values)
    {
        base.Open(values);
        AnswerText = values[1];
    }
}
