using System.Text.RegularExpressions;

namespace Petition.Web.Observability;

/// <summary>
/// A request's address as the logs may hold it: the route it matched (<c>/manage/{token}</c>), never the path, since
/// paths carry private links (manage, confirm, pack) whose tokens a log reader could use. A request that matched no
/// route has every token-like segment masked. Every log line that names a request uses this.
/// </summary>
public static partial class LoggedPath
{
    public static string Of(HttpContext http)
    {
        if (http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern })
            return pattern.StartsWith('/') ? pattern : "/" + pattern;
        return TokenLike().Replace(http.Request.Path.Value ?? "", "{token}");
    }

    /// <summary>A segment of 20 or more URL-safe characters: longer than any word of ours, as long as any token.</summary>
    [GeneratedRegex("[A-Za-z0-9_-]{20,}")]
    private static partial Regex TokenLike();
}
