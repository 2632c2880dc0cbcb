using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// What a signer who has just confirmed sees above the list: their place, or that a moderator will review them
/// first, and the way to share the letter. Carried from the confirm POST in TempData (the cookie is the signer's
/// own: nothing of it reaches a shared page).
/// </summary>
/// <param name="Place">The count of published signatures once theirs was counted; null while it awaits review.</param>
public record Confirmed(int? Place, Sharing.ShareCard Share)
{
    const string Key = "ConfirmedPlace";

    /// <summary>Published signatures carry their place; 0 stands for one that awaits review.</summary>
    public static void Remember(ITempDataDictionary tempData, int? place) => tempData[Key] = place ?? 0;

    /// <summary>The place remembered for this visitor (0 when awaiting review), or null when they did not just confirm.</summary>
    public static int? Recall(ITempDataDictionary tempData) => tempData[Key] is int place ? place : null;
}
