using Petition.Web.Abuse;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Founding;

/// <summary>The email domains whose people may sign a draft (<see cref="Petition.Data.Letters.Letter.FoundingDomains"/>).</summary>
public static class FoundingDomains
{
    /// <summary>The domains typed (spaces, commas or lines between them), lower-case; or the first that is not one.</summary>
    public static (List<string> Domains, string? Bad) Parse(string? text)
    {
        var domains = new List<string>();
        foreach (var word in (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var domain = word.Trim().TrimStart('@').ToLowerInvariant();
            if (domain.IndexOfAny(['/', ':', '@', '?', '#']) >= 0 || OrganisationWebsite.DomainOf("https://" + domain) is not { } host
                || !domain.EndsWith(host, StringComparison.Ordinal))
                return ([], word);
            if (!domains.Contains(domain))
                domains.Add(domain);
        }
        return (domains, null);
    }

    /// <summary>Whether the address is at one of the domains, or under one.</summary>
    public static bool Allows(IReadOnlyList<string> domains, string email) => EmailAddress.IsAtOrUnder(email, domains);
}
