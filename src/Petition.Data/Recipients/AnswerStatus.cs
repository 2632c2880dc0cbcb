namespace Petition.Data.Recipients;

/// <summary>Where a recipient stands with the letter, as the organisers know it; each later state implies the reply.</summary>
public enum AnswerStatus
{
    None,
    Acknowledged,
    Replied,
    CommittedToAct,
    Acted,
    Declined,
}
