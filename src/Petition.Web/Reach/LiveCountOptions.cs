using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Reach;

/// <summary>How often the letter page asks for the count (wwwroot/js/live-count.js); the count's cache makes it cheap.</summary>
public class LiveCountOptions
{
    public const string Section = "LiveCount";

    /// <summary>Seconds between two asks while the page is in view; the script waits longer after a failure.</summary>
    [Range(1, 3600)] public int PollSeconds { get; set; } = 10;
}
