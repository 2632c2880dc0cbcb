using Petition.Web.Signatories;

namespace Petition.Web.Admin.Review;

/// <summary>What the review queue is narrowed to; the same filter drives the page, its links and a bulk decision.</summary>
public class ReviewFilter : SignatureFilter
{
    /// <summary>The email domain, e.g. "example.org" (subdomains not included).</summary>
    public string? Domain { get; set; }
    /// <summary>A network hash, as the abuse signals show it.</summary>
    public string? Network { get; set; }
    /// <summary>Part of a name, an organisation or an email address.</summary>
    public string? Q { get; set; }
    public ReviewSort Sort { get; set; }

    /// <summary>The filter as query-string values, for links and for the hidden fields of a bulk form.</summary>
    public Dictionary<string, string> ToRouteValues()
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) values[key] = value.Trim(); }
        Add("state", State?.ToString());
        Add("country", Country);
        Add("category", Category);
        Add("domain", Domain);
        Add("network", Network);
        Add("from", From);
        Add("to", To);
        Add("q", Q);
        if (Sort != ReviewSort.Newest) Add("sort", Sort.ToString());
        return values;
    }

    public string Describe() =>
        ToRouteValues() is { Count: > 0 } values ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")) : "all signatures";

}

public enum ReviewSort { Newest, Oldest, Name, Organization }
