namespace Petition.Web.Privacy;

public class PrivacyOptions
{
    /// <summary>An unconfirmed signature, and everything in it, is deleted after this long.</summary>
    public TimeSpan UnconfirmedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The request's address and browser name are dropped after this long; a network hash stays.</summary>
    public TimeSpan RequestDataRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sent outbox mail is deleted after this long: it holds names and addresses.</summary>
    public TimeSpan SentMailRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
