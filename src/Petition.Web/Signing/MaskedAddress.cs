using System.Globalization;

namespace Petition.Web.Signing;

/// <summary>
/// An address shown back to its owner with most of it hidden, "j•••@e•••.org": enough to spot a typo in the first
/// letter or the ending, too little for someone looking over their shoulder.
/// </summary>
public static class MaskedAddress
{
    const string Hidden = "•••";

    public static string Of(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
            return First(trimmed) + Hidden;
        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var ending = dot > 0 && dot < domain.Length - 1 ? domain[dot..] : "";
        return $"{First(local)}{Hidden}@{First(domain)}{Hidden}{ending}";
    }

    /// <summary>The first letter as a reader sees it (a whole grapheme, not half of a surrogate pair).</summary>
    static string First(string text) => text.Length == 0 ? "" : StringInfo.GetNextTextElement(text, 0);
}
