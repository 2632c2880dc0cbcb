using Microsoft.Extensions.Localization;
using Petition.Web.Languages;

namespace Petition.Web.Sharing;

/// <summary>
/// Plain links to each network's own share page: no button script of theirs runs here, so none of them learns who
/// reads the letter unless the reader chooses to click.
/// </summary>
public static class ShareLinks
{
    public record Link(string Network, string Href);

    public static IReadOnlyList<Link> For(string url, string title)
    {
        var u = Uri.EscapeDataString(url);
        var t = Uri.EscapeDataString(title);
        var both = Uri.EscapeDataString($"{title} {url}");
        return
        [
            new("X (Twitter)", $"https://x.com/intent/tweet?text={t}&url={u}"),
            new("Facebook", $"https://www.facebook.com/sharer/sharer.php?u={u}"),
            new("LinkedIn", $"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
            new("WhatsApp", $"https://wa.me/?text={both}"),
            new("Telegram", $"https://t.me/share/url?url={u}&text={t}"),
            new("Bluesky", $"https://bsky.app/intent/compose?text={both}"),
        ];
    }

    /// <summary>A message the reader writes to a friend, so its words are in the reader's language.</summary>
    public static string Email(string url, string title, IStringLocalizer<SiteText> text) =>
        $"mailto:?subject={Uri.EscapeDataString(title)}&body={Uri.EscapeDataString($"{title}\n\n{text["Read and sign: {0}", url]}")}";
}
