using Petition.Data.Recipients;

namespace Petition.Web.Recipients;

/// <summary>
/// The words for each answer status: the English is both the console's label and the key of the public pages'
/// translation (SiteText), so the two never say different things.
/// </summary>
public static class AnswerWords
{
    public static string Name(AnswerStatus status) => status switch
    {
        AnswerStatus.None => "No answer yet",
        AnswerStatus.Acknowledged => "Acknowledged",
        AnswerStatus.Replied => "Replied",
        AnswerStatus.CommittedToAct => "Committed to act",
        AnswerStatus.Acted => "Acted",
        _ => "Declined",
    };

    /// <summary>The summary's counted phrase ("12 replied"), a plural key (Russian and Arabic give its forms).</summary>
    public static string Counted(AnswerStatus status) => status switch
    {
        AnswerStatus.None => "{0} not answered yet",
        AnswerStatus.Acknowledged => "{0} acknowledged",
        AnswerStatus.Replied => "{0} replied",
        AnswerStatus.CommittedToAct => "{0} committed to act",
        AnswerStatus.Acted => "{0} acted",
        _ => "{0} declined",
    };
}
