using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Site;

public class SiteOptions
{
    [Required] public string Name { get; set; } = "Petition";

    /// <summary>The base of every link in an email. Taken from configuration, never from a request's Host header.</summary>
    [Required, Url] public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
