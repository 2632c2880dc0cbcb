using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Moderation;
using Petition.Web.Abuse;
using Petition.Web.Admin.Audit;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Pages.Admin.Trust;

/// <summary>The organisers' lists that decide trust: whom to block quietly, and which organisations' domains to vouch for.</summary>
public class TrustModel(PetitionDbContext db, AuditTrail audit, BlockList blockList, AffiliationCheck affiliations, TimeProvider time) : PageModel
{
    [BindProperty] public BlockRuleInput Block { get; set; } = new();
    [BindProperty] public OrganisationInput Organisation { get; set; } = new();

    public List<BlockRule> Rules { get; private set; } = [];
    public List<OrganisationDomain> Organisations { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddBlockAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await new BlockRuleInputValidator().ValidInAsync(Block, ModelState, nameof(Block), cancellationToken))
            return await PageAsync(cancellationToken);
        var value = Block.Kind == BlockKind.Domain ? DomainInput.Normalise(Block.Value) : Block.Value.Trim();
        var rule = new BlockRule { Kind = Block.Kind, Value = value, Reason = Block.Reason?.Trim(), CreatedAt = time.GetUtcNow(), CreatedBy = User.Identity?.Name };
        db.BlockRules.Add(rule);
        audit.Record("block-rule.added", after: new { rule.Kind, rule.Value, rule.Reason });
        await db.SaveChangesAsync(cancellationToken);
        blockList.Invalidate();
        TempData["Status"] = $"Blocked {rule.Kind.ToString().ToLowerInvariant()} {rule.Value}. New signatures that match are kept off the list.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveBlockAsync(int id, CancellationToken cancellationToken)
    {
        var rule = await db.BlockRules.FindAsync([id], cancellationToken);
        if (rule is null)
            return NotFound();
        db.BlockRules.Remove(rule);
        audit.Record("block-rule.removed", before: new { rule.Kind, rule.Value, rule.Reason });
        await db.SaveChangesAsync(cancellationToken);
        blockList.Invalidate();
        TempData["Status"] = $"Removed the rule for {rule.Value}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddOrganisationAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await new OrganisationInputValidator().ValidInAsync(Organisation, ModelState, nameof(Organisation), cancellationToken))
            return await PageAsync(cancellationToken);
        var domain = DomainInput.Normalise(Organisation.Domain);
        if (await db.OrganisationDomains.AnyAsync(o => o.Domain == domain, cancellationToken))
        {
            ModelState.AddModelError("Organisation.Domain", $"{domain} is already listed.");
            return await PageAsync(cancellationToken);
        }
        var entry = new OrganisationDomain { Organisation = TextRules.Tidy(Organisation.Organisation)!, Domain = domain, CreatedAt = time.GetUtcNow() };
        db.OrganisationDomains.Add(entry);
        audit.Record("organisation-domain.added", after: new { entry.Organisation, entry.Domain });
        await db.SaveChangesAsync(cancellationToken);
        affiliations.Invalidate();
        TempData["Status"] = $"Addresses at {domain} now show as verified at {domain}, when the signer agrees.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveOrganisationAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.OrganisationDomains.FindAsync([id], cancellationToken);
        if (entry is null)
            return NotFound();
        db.OrganisationDomains.Remove(entry);
        audit.Record("organisation-domain.removed", before: new { entry.Organisation, entry.Domain });
        await db.SaveChangesAsync(cancellationToken);
        affiliations.Invalidate();
        TempData["Status"] = $"Removed {entry.Domain}.";
        return RedirectToPage();
    }

    async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await db.BlockRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Value).ToListAsync(cancellationToken);
        Organisations = await db.OrganisationDomains.AsNoTracking().OrderBy(o => o.Organisation).ThenBy(o => o.Domain).ToListAsync(cancellationToken);
    }
}
