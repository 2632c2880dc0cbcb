using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Recipients;
using Petition.Web.Delivery;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Pages.Admin.Recipients;

/// <summary>
/// Delivering a letter: the cover email previewed in each language, a delivery to all recipients or a selection (or
/// again to one), and the log of every pack (emailed, failed, opened, acknowledged, revoked). Admins only.
/// </summary>
public class DeliveryModel(PetitionDbContext db, LetterDelivery delivery, CoverEmail cover, SignatureCounter counter, TimeProvider time) : PageModel
{
    [BindProperty] public List<int> RecipientIds { get; set; } = [];
    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public int LinkDays { get; set; } = LetterDelivery.DefaultLinkDays;
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool AttachPdf { get; set; }

    public Letter Letter { get; private set; } = null!;
    public List<Recipient> Recipients { get; private set; } = [];
    public List<Data.Recipients.Delivery> Deliveries { get; private set; } = [];

    /// <summary>What became of each outbox message of the log, by id.</summary>
    public Dictionary<long, (DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? Error)> Mail { get; private set; } = [];

    public string PreviewLanguage { get; private set; } = "en";
    public (string Subject, string Body) Preview { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? language, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        PreviewLanguage = Languages.SiteLanguages.Find(language)?.Code ?? Letter.Language;
        var sample = new Data.Recipients.Delivery
        {
            CreatedBy = "", CreatedAt = Now, LinksExpireAt = Now.AddDays(LinkDays),
            SignatureCount = (await counter.GetAsync(Letter.Id, cancellationToken)).Published,
        };
        var recipient = new Recipient { Name = Recipients.FirstOrDefault()?.Name ?? "Permanent Mission of …", Language = PreviewLanguage };
        Preview = cover.Compose(Letter, recipient, sample, cover.PackLink("(a private link for each recipient)"),
            new Seals.SealMark(0, sample.SignatureCount, "(the root of the list, sealed at delivery)"));
        RequestId = Guid.NewGuid();
        RecipientIds = Recipients.Select(r => r.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostDeliverAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (RecipientIds.Count == 0 || LinkDays is < 1 or > 365 || Note is { Length: > 4000 } || !TextRules.IsClean(Note, allowLineBreaks: true))
        {
            TempData["Status"] = "Nothing was delivered: tick at least one recipient, keep links 1 to 365 days, and the note to 4,000 characters of plain text.";
            return RedirectToPage(new { slug });
        }
        if (!Seals.ListSealing.CanSeal(Letter, Now))
        {
            TempData["Status"] = "Nothing was delivered: " + Seals.ListSealing.NotPublicYet;
            return RedirectToPage(new { slug });
        }
        var made = await delivery.DeliverAsync(Letter, RecipientIds, RequestId, Note, LinkDays, cancellationToken, AttachPdf);
        TempData["Status"] = $"Delivery {made.Number}: {made.Packs.Count} recipients, their cover emails queued.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostPackAsync(string slug, int pack, PackAction action, string? text, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        var found = await db.DeliveryPacks.FirstOrDefaultAsync(p => p.Id == pack
            && db.Deliveries.Any(d => d.Id == p.DeliveryId && d.LetterId == Letter.Id), cancellationToken);
        if (found is null)
            return NotFound();
        await delivery.UpdatePackAsync(Letter.Id, found, action, text, cancellationToken);
        TempData["Status"] = action switch
        {
            PackAction.Revoke => "The link is revoked: it now opens a page saying so.",
            PackAction.MarkFailed => "Marked as not delivered.",
            _ => "Acknowledgement recorded.",
        };
        return RedirectToPage(new { slug });
    }

    async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().Include(l => l.Translations).FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return false;
        (Letter, Now) = (letter, time.GetUtcNow());
        Recipients = await db.Recipients.AsNoTracking().Where(r => r.LetterId == letter.Id).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        Deliveries = await db.Deliveries.AsNoTracking().Include(d => d.Packs).Where(d => d.LetterId == letter.Id)
            .OrderByDescending(d => d.Number).ToListAsync(cancellationToken);
        var ids = Deliveries.SelectMany(d => d.Packs).SelectMany(p => p.MessageIds).ToList();
        // Projected: only the dates and the error, never the sealed message.
        Mail = (await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.SentAt, m.FailedAt, m.LastError })
            .ToListAsync(cancellationToken)).ToDictionary(m => m.Id, m => (m.SentAt, m.FailedAt, m.LastError));
        return true;
    }

    public string Name(int recipientId) => Recipients.FirstOrDefault(r => r.Id == recipientId)?.Name ?? "(removed)";

    /// <summary>The email's state in words: queued, sent, or failed with the server's last answer.</summary>
    public string EmailState(DeliveryPack pack)
    {
        var states = pack.MessageIds.Select(id => Mail.TryGetValue(id, out var m) ? m : default).ToList();
        if (states.Any(m => m.FailedAt is not null))
            return "Failed: " + states.First(m => m.FailedAt is not null).Error;
        if (states.Count > 0 && states.All(m => m.SentAt is not null))
            return $"Sent {states.Max(m => m.SentAt)!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        return states.Any(m => m.Error is not null) ? "Queued, retrying: " + states.First(m => m.Error is not null).Error : "Queued";
    }
}
