using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// The address a signer just used, masked, carried from the sign POST to the check-email page in TempData: the
/// site's cookie provider seals it in a cookie of that browser alone (data protection), so it never appears in a URL,
/// a log line or a shared cache, and it is read once.
/// </summary>
public static class SentTo
{
    const string Key = "SentTo";

    public static void Remember(ITempDataDictionary tempData, string email) => tempData[Key] = MaskedAddress.Of(email);

    public static string? Recall(ITempDataDictionary tempData) => tempData[Key] as string;
}
