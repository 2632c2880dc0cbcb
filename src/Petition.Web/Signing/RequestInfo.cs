namespace Petition.Web.Signing;

/// <summary>What we keep about the request that made a signature, against abuse, and for a limited time.</summary>
public record RequestInfo(string? IpAddress, string? UserAgent, string? Language = null)
{
    public static RequestInfo From(HttpContext http) => new(
        http.Connection.RemoteIpAddress?.ToString(),
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 512)] : null,
        System.Globalization.CultureInfo.CurrentUICulture.Name is { Length: > 0 } culture ? culture : null);
}
