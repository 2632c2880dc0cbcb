namespace Petition.Data.Recipients;

/// <summary>
/// One sending of a letter to some of its recipients: to all, to a selection, or again to one. Each recipient in it
/// gets a pack (a private link) and the cover email, written to the outbox in the same transaction, so a delivery
/// exists with all its emails or not at all.
/// </summary>
public class Delivery
{
    public int Id { get; set; }
    public int LetterId { get; set; }

    /// <summary>1, 2, 3… per letter, in the order delivered.</summary>
    public int Number { get; set; }

    /// <summary>The form's own id: the same form sent twice (a double click, two instances) delivers once.</summary>
    public Guid RequestId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The public count at the moment of delivery; the packs' files list the signatures published before it.</summary>
    public int SignatureCount { get; set; }

    /// <summary>When the packs' links stop working.</summary>
    public DateTimeOffset LinksExpireAt { get; set; }

    /// <summary>The organisers' own words in the cover email, in every language; plain text.</summary>
    public string? Note { get; set; }

    /// <summary>
    /// The organisers chose to attach the signed PDF (and its signature) to each cover email, beside the link. Off by
    /// default: a long list makes a large email, and a mission's mail server may refuse it.
    /// </summary>
    public bool AttachPdf { get; set; }

    public List<DeliveryPack> Packs { get; set; } = [];
}

/// <summary>
/// A recipient's pack in one delivery: the private link (its hash only), the emails that carry it, and what became
/// of it (opened, downloaded, failed or bounced, acknowledged with the recipient's reference, revoked).
/// </summary>
public class DeliveryPack
{
    public int Id { get; set; }
    public int DeliveryId { get; set; }
    public int RecipientId { get; set; }

    /// <summary>SHA-256 of the link's token; the token itself is only in the email.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>The outbox messages that carry the cover email, one per address of the recipient.</summary>
    public List<long> MessageIds { get; set; } = [];

    /// <summary>Times the pack's page was opened, and its files downloaded (no tracking pixel: the link alone).</summary>
    public int Views { get; set; }
    public int Downloads { get; set; }
    public DateTimeOffset? LastOpenedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Marked by the organisers (a bounce came back to them, or the mission said it did not arrive).</summary>
    public DateTimeOffset? FailedAt { get; set; }
    public string? FailureNote { get; set; }

    /// <summary>The recipient acknowledged receipt, with their reference number if they gave one.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? Reference { get; set; }
}
