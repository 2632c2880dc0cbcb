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

    /// <summary>The name the email is sent in (the letter's organiser), at the site's own address; null for the site's.</summary>
    public string? FromName { get; set; }

    /// <summary>Where a reply goes (the organiser's contact address); null for none.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>What is sealed, in order: every writer of the outbox seals these, the reader opens them.</summary>
    public string?[] SealedValues() => [ToAddress, ToName, Subject, TextBody, FromName, ReplyTo, Unsubscribe];

    public void Open(string?[] values) =>
        (ToAddress, ToName, Subject, TextBody, FromName, ReplyTo, Unsubscribe) = (values[0] ?? "", values[1] ?? "", values[2] ?? "", values[3] ?? "", values[4], values[5], values[6]);

    /// <summary>
    /// The one-click unsubscribe address (RFC 8058) of a mailing to signers, sent as List-Unsubscribe; null for a
    /// message that answers the recipient's own action. Sealed: it is a live link. Older rows, sealed with six values,
    /// open with none.
    /// </summary>
    public string? Unsubscribe { get; set; }

    public const int SealedCount = 7;

    /// <summary>
    /// The delivery pack whose signed PDF goes with this email as an attachment, made when it is sent (the file is
    /// the pack's own, so it is never stored twice); null for a message without one.
    /// </summary>
    public int? AttachPackId { get; set; }

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
