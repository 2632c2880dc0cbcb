using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Updates;

public class UpdatesOptions
{
    /// <summary>Signers written to per transaction: a hundred thousand never load at once, and a pause takes effect within one chunk.</summary>
    [Range(1, 10_000, ErrorMessage = "Updates:ChunkSize must be between 1 and 10000.")]
    public int ChunkSize { get; set; } = 500;

    /// <summary>How often an idle sender looks for work that another instance's console posted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Updates:PollInterval must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this instance runs the update sender and the deadline watch; tests drive them by hand.</summary>
    public bool RunInBackground { get; set; } = true;
}
