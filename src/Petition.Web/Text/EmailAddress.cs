using System.Globalization;
using System.Net.Mail;

namespace Petition.Web.Text;

/// <summary>Email address checks and the canonical form that decides whether two addresses are one mailbox.</summary>
public static class EmailAddress
{
    static readonly IdnMapping Idn = new();
    static readonly HashSet<string> DotBlindDomains = ["gmail.com", "googlemail.com"];

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || !TextRules.IsClean(value)) return false;
        if (value.Any(char.IsWhiteSpace) || value.Contains('<') || value.Contains('>')) return false;
        var at = value.LastIndexOf('@');
        if (at < 1 || at == value.Length - 1) return false;
        var domain = value[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        if (AsciiDomain(domain) is null) return false;
        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }

    /// <summary>
    /// Lower case, the domain in ASCII (punycode), the "+tag" dropped, and for Gmail the dots it ignores.
    /// Two spellings that reach the same inbox sign once.
    /// </summary>
    public static string Canonicalize(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at < 0) return trimmed.ToLowerInvariant();
        var local = trimmed[..at].ToLowerInvariant();
        var domain = (AsciiDomain(trimmed[(at + 1)..]) ?? trimmed[(at + 1)..]).ToLowerInvariant();
        var plus = local.IndexOf('+');
        if (plus > 0) local = local[..plus];
        if (domain == "googlemail.com") domain = "gmail.com";
        if (DotBlindDomains.Contains(domain)) local = local.Replace(".", "");
        return $"{local}@{domain}";
    }

    public static string Domain(string email) => email[(email.LastIndexOf('@') + 1)..];

    /// <summary>Whether the address is at one of the domains (lower case), or under one.</summary>
    public static bool IsAtOrUnder(string email, IReadOnlyList<string> domains)
    {
        var at = Domain(Canonicalize(email));
        return domains.Any(d => at == d || at.EndsWith("." + d, StringComparison.Ordinal));
    }

    static string? AsciiDomain(string domain)
    {
        try { return Idn.GetAscii(domain); }
        catch (ArgumentException) { return null; }
    }
}
