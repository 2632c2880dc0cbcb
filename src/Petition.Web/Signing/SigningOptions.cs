using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Signing;

public class SigningOptions
{
    /// <summary>How long an emailed confirmation link works.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00", ErrorMessage = "Signing:ConfirmationLifetime must be between 00:10:00 and 30.00:00:00.")]
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long the private link in each email lets a signer manage the signature.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Signing:ManageLinkLifetime must be between 1.00:00:00 and 3650.00:00:00.")]
    public TimeSpan ManageLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// A form sent back faster than a person could fill it is taken for a robot's. Measured from when the page was
    /// rendered, which for a cached letter page is up to OutputCache:MaxAge (5 s) earlier: 8 s leaves at least 3.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Signing:MinimumFillTime must be between 00:00:00 and 00:05:00.")]
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a served sign form can be sent back; older, it is shown again with a fresh stamp, nothing lost.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00", ErrorMessage = "Signing:FormLifetime must be between 00:10:00 and 7.00:00:00.")]
    public TimeSpan FormLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most signatures written in one transaction; more wait for the next.</summary>
    [Range(1, 10_000)] public int MaxBatchSize { get; set; } = 200;

    /// <summary>Batches written at the same time on PostgreSQL, each on its own connection; SQLite writes one at a time.</summary>
    [Range(1, 32)] public int ConcurrentBatches { get; set; } = 4;

    /// <summary>Emails one client network may cause for one signature, so signing again and again cannot flood someone's inbox.</summary>
    [Range(1, 100)] public int MaxEmailsPerSignature { get; set; } = 5;

    /// <summary>Emails all networks together may cause for one signature; past it, only a network that caused none gets one (see <see cref="EmailBudget"/>).</summary>
    [Range(1, 1000)] public int MaxEmailsPerAddress { get; set; } = 10;
}
