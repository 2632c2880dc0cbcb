namespace Petition.Web.Sharing;

/// <summary>
/// The sites an organiser lets frame a letter's embed, written as origins ("https://partner.example"). Only a
/// well-formed origin ever reaches the Content-Security-Policy header, so a stray value cannot widen it.
/// </summary>
public static class EmbedOrigins
{
    public static bool TryNormalize(string value, out string origin)
    {
        origin = "";
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.HostNameType is UriHostNameType.Unknown || uri.Host.Contains('*')
            || !string.IsNullOrEmpty(uri.UserInfo) || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment))
            return false;
        origin = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }

    /// <summary>The page's policy with frame-ancestors widened to this site and the listed origins.</summary>
    public static string ContentSecurityPolicy(IEnumerable<string> hosts)
    {
        var allowed = hosts.Select(h => TryNormalize(h, out var o) ? o : null).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        return Front.SecurityHeaders.ContentSecurityPolicy.Replace("frame-ancestors 'none'",
            string.Join(' ', ["frame-ancestors 'self'", .. allowed]));
    }
}
