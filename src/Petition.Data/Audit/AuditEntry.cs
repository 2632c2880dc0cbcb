namespace Petition.Data.Audit;

/// <summary>
/// Who did what to which letter or signature, when and from where. Written in the same transaction as the action;
/// the app never updates or deletes one.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The Identity user id; null when the signer or the system acted.</summary>
    public string? ActorId { get; set; }

    /// <summary>The actor as they were named at the time ("admin@example.org", "signer", "system").</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }
    public int? LetterId { get; set; }
    public long? SignatureId { get; set; }

    /// <summary>JSON of the changed fields before and after; never personal data of a withdrawn signer.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
