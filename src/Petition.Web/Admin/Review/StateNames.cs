using Petition.Data.Signatures;

namespace Petition.Web.Admin.Review;

/// <summary>A signature's state as the console shows it: words, not the enum's code ("AwaitingReview").</summary>
public static class StateNames
{
    public static string InWords(this SignatureState state) => state switch
    {
        SignatureState.Unverified => "Not confirmed",
        SignatureState.AwaitingReview => "Awaiting review",
        SignatureState.Published => "Published",
        SignatureState.Rejected => "Rejected",
        SignatureState.Withdrawn => "Withdrawn",
        _ => state.ToString(),
    };
}
