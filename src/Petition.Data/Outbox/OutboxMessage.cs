namespace Petition.Data.Outbox;

/// <summary>
/// An email waiting to leave. Written in the same transaction as the change that causes it,
/// so a committed change always has its email and a rolled-back one never does. The recipient, subject and body
/// are stored only sealed (<see cref="Sealed"/>: the body holds live links), and dropped once the message is sent.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    /// <summary>Plain text only: nothing a signer typed can become markup in someone's mail reader.</summary>
    public string TextBody { get; set; } = "";

    /// <summary>A keyed hash of the recipient's address (see <see cref="RecipientHash"/>): which mail went to an address, without it.</summary>
    public string? ToHash { get; set; }

    public static string RecipientHash(Sealing.IPersonalDataSeal seal, string address) => seal.Hash("to:" + address.Trim().ToLowerInvariant());

    /// <summary>Recipient, name, subject and body, sealed; null once sent.</summary>
    public byte[]? Sealed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A dispatcher that claimed the message holds it until then; past it, another may retry.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when the dispatcher stops retrying; the message stays for an operator to see.</summary>
    public DateTimeOffset? FailedAt { get; set; }
}
