using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Audit;
using Petition.Web.Admin.Letters;

namespace Petition.Web.Pages.Admin.Audit;

/// <summary>The audit log, newest first, for admins; read-only by construction (no handler but GET).</summary>
public class AuditLogModel(PetitionDbContext db) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Letter { get; set; }
    [BindProperty(SupportsGet = true)] public long? Signature { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<int, string> Slugs { get; private set; } = [];
    public long? OlderThan { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Slugs = await db.Letters.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Slug, cancellationToken);
        var entries = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
            entries = entries.Where(e => e.Actor.Contains(Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(Action))
            entries = entries.Where(e => e.Action == Action);
        if (!string.IsNullOrWhiteSpace(Letter))
        {
            var letterId = Slugs.FirstOrDefault(s => s.Value == Letter.Trim()).Key;
            entries = entries.Where(e => e.LetterId == letterId);
        }
        if (Signature is long signatureId)
            entries = entries.Where(e => e.SignatureId == signatureId);
        if (LetterForm.ParseUtc(From) is { } from)
            entries = entries.Where(e => e.At >= from);
        if (LetterForm.ParseUtc(To) is { } to)
            entries = entries.Where(e => e.At < to);
        if (Before is long before)
            entries = entries.Where(e => e.Id < before);
        var rows = await entries.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        Entries = rows.Take(PageSize).ToList();
        OlderThan = rows.Count > PageSize ? Entries[^1].Id : null;
    }

    public string OlderUrl(long older) => QueryHelpers.AddQueryString("/admin/audit", new Dictionary<string, string?>
    {
        ["actor"] = Actor, ["action"] = Action, ["letter"] = Letter, ["signature"] = Signature?.ToString(),
        ["from"] = From, ["to"] = To, ["before"] = older.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary());
}
