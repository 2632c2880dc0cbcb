using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Privacy;

public class PrivacyOptions
{
    /// <summary>An unconfirmed signature, and everything in it, is deleted after this long.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00", ErrorMessage = "Privacy:UnconfirmedRetention must be between 01:00:00 and 365.00:00:00: at zero every unconfirmed signature would be deleted on each sweep.")]
    public TimeSpan UnconfirmedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The request's address and browser name are dropped after this long; a network hash stays.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Privacy:RequestDataRetention must be between 01:00:00 and 3650.00:00:00.")]
    public TimeSpan RequestDataRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sent outbox mail is deleted after this long: it holds names and addresses.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00", ErrorMessage = "Privacy:SentMailRetention must be between 00:00:00 and 3650.00:00:00.")]
    public TimeSpan SentMailRetention { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Privacy:SweepInterval must be between 00:00:10 and 1.00:00:00.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
