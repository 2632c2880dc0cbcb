namespace Petition.Web.Signing;

/// <summary>What we keep about the request that made a signature, against abuse, and for a limited time.</summary>
public record RequestInfo(string? IpAddress, string? UserAgent, string? Language = null)
{
    /// <summary>The keyed hash of the request's network (<see cref="Abuse.NetworkHash"/>): kept after the address goes.</summary>
    public string? Network { get; init; }

    public static RequestInfo From(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        return new RequestInfo(
            address,
            http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 512)] : null,
            System.Globalization.CultureInfo.CurrentUICulture.Name is { Length: > 0 } culture ? culture : null)
        {
            Network = Abuse.NetworkHash.Of(address, http.RequestServices.GetRequiredService<Keys.PersonalDataKeys>()),
        };
    }
}
