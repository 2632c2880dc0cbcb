namespace Petition.Web.Pages.Letters;

/// <summary>What the consent partial (_PrivacyConsent) shows: where the privacy notice is, the box's state, its error.</summary>
public record PrivacyConsent(string NoticePath, bool Accepted, string? Error)
{
    /// <summary>The notice of a public letter, found by its slug (a founding sign-up's is behind its key).</summary>
    public static string OfLetter(string slug) => $"/letters/{Uri.EscapeDataString(slug)}/privacy";

    /// <summary>The notice of the letter a personal invitation is for.</summary>
    public static string OfInvitation(string token) => $"/invitation/{Uri.EscapeDataString(token)}/privacy";
}
