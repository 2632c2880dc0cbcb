using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Petition.Data;
using Petition.Data.Audit;

namespace Petition.Web.Admin.Audit;

/// <summary>
/// Adds an audit entry to the request's DbContext without saving it: the caller's own SaveChanges (or the one an
/// Identity call makes) writes it together with the change it records, so neither exists without the other.
/// </summary>
public class AuditTrail(PetitionDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The signed-in person as audit entries and moderation fields name them.</summary>
    public string ActorName => http.HttpContext?.User.Identity?.Name ?? "system";

    public AuditEntry Record(string action, int? letterId = null, long? signatureId = null,
        object? before = null, object? after = null, string? detail = null, IdentityUser? actingUser = null)
    {
        var context = http.HttpContext;
        var principal = context?.User;
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actingUser?.Id ?? principal?.FindFirstValue(ClaimTypes.NameIdentifier),
            Actor = actingUser?.Email ?? ActorName,
            Action = action,
            LetterId = letterId,
            SignatureId = signatureId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        };
        db.Audit.Add(entry);
        return entry;
    }
}
