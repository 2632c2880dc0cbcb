using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Email;

public class EmailOptions
{
    [Required] public string From { get; set; } = "Petition <no-reply@petition.localhost>";

    /// <summary>Where emails are written as .eml files when no SMTP host is set (relative to the content root).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    [Microsoft.Extensions.Options.ValidateObjectMembers] public SmtpOptions Smtp { get; set; } = new();

    /// <summary>After this many failed attempts a message is marked failed and left for an operator.</summary>
    [Range(1, 1000)] public int MaxAttempts { get; set; } = 25;

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Email:PollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Senders working through the outbox at once on PostgreSQL, each on its own batch (SQLite has one).</summary>
    [Range(1, 32)] public int ConcurrentSenders { get; set; } = 4;
}

public class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65535, ErrorMessage = "Email:Smtp:Port must be between 1 and 65535.")] public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>
    /// Lets a password and every confirm and manage link travel in clear text (Security=None with a username).
    /// Only for a relay on the same machine or a private network; never the default.
    /// </summary>
    public bool AllowPlaintext { get; set; }
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Email:Smtp:Timeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity { None, StartTls, SslOnConnect, Auto }
