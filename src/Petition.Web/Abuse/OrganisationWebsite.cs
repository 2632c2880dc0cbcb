using System.Globalization;
using Petition.Web.Text;

namespace Petition.Web.Abuse;

/// <summary>
/// How an organisation's domain is established (decision 030): from the host of the website the signer gave, "www."
/// dropped. An address at that domain or under it shows the person can speak from inside the organisation; any
/// other address is only an email. A moderator who checks an organisation otherwise marks it checked.
/// </summary>
public static class OrganisationWebsite
{
    static readonly IdnMapping Idn = new();

    /// <summary>A website the form accepts: an absolute http(s) address whose host has a dot.</summary>
    public static bool IsValid(string? website) => DomainOf(website) is not null;

    /// <summary>The organisation's domain, lower-case ASCII, or null when the website is not a usable address.</summary>
    public static string? DomainOf(string? website)
    {
        if (string.IsNullOrWhiteSpace(website) || !TextRules.IsClean(website)
            || !Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.UserInfo))
            return null;
        string host;
        try { host = Idn.GetAscii(uri.Host).ToLowerInvariant().TrimEnd('.'); }
        catch (ArgumentException) { return null; }
        if (host.StartsWith("www.", StringComparison.Ordinal))
            host = host[4..];
        return host.Contains('.') && !host.StartsWith('.') && Uri.CheckHostName(host) == UriHostNameType.Dns ? host : null;
    }

    /// <summary>The organisation's domain when the address is at it (or under it), else null.</summary>
    public static string? MatchedDomain(string email, string? website)
    {
        if (DomainOf(website) is not { } domain)
            return null;
        var at = EmailAddress.Domain(EmailAddress.Canonicalize(email));
        return at == domain || at.EndsWith("." + domain, StringComparison.Ordinal) ? domain : null;
    }
}
