using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Admin.Review;
using Petition.Web.Signatories;

namespace Petition.Web.Pages.Admin.Letters;

public class ReviewQueueModel(PetitionDbContext db, SignatureModeration moderation) : PageModel
{
    public const int PageSize = 100;

    /// <summary>Bound from the query string on GET and from the bulk form's hidden fields on POST, without a prefix.</summary>
    [BindProperty(SupportsGet = true)] public ReviewFilter Filter { get; set; } = new();

    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<Signature> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<SignatureState, int> StateCounts { get; private set; } = [];
    public bool FilterIsValid { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        // A date that is not one shows why beside its field and lists nothing: the whole queue instead would look
        // like what was asked for, and a decision "over the filter" would take it all.
        var validation = await new SignatureFilterValidator().ValidateAsync(Filter, cancellationToken);
        foreach (var error in validation.Errors)
            ModelState.AddModelError(error.PropertyName.ToLowerInvariant(), error.ErrorMessage);
        FilterIsValid = validation.IsValid;
        if (FilterIsValid)
        {
            var matching = db.Signatures.AsNoTracking().Matching(letter.Id, Filter, AddressView.MayReveal(User));
            Total = await matching.CountAsync(cancellationToken);
            Rows = await matching.Sorted(Filter.Sort).Take(PageSize).ToListAsync(cancellationToken);
        }
        StateCounts = await db.Signatures.Where(s => s.LetterId == letter.Id).GroupBy(s => s.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Page();
    }

    /// <summary>One request decides a selection or everything the current filter matches (see decision 007).</summary>
    public async Task<IActionResult> OnPostDecideAsync(string slug, string? command, long[] ids, string? reason, string? note,
        CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        var (verdict, overFilter) = command switch
        {
            "approve-selected" => (Verdict.Approve, false),
            "reject-selected" => (Verdict.Reject, false),
            "approve-filter" => (Verdict.Approve, true),
            "reject-filter" => (Verdict.Reject, true),
            _ => ((Verdict?)null, false),
        };
        var why = RejectionReasons.Combine(RejectionReasons.All.Contains(reason ?? "") ? reason : null, note);
        if (verdict is null)
            TempData["Status"] = "Choose what to do.";
        else if (verdict == Verdict.Reject && why is null)
            TempData["Status"] = "A rejection needs a reason: choose one from the list or write a note.";
        else if (!overFilter && ids.Length == 0)
            TempData["Status"] = "Select at least one signature, or decide over the whole filter.";
        else if (overFilter && !(await new SignatureFilterValidator().ValidateAsync(Filter, cancellationToken)).IsValid)
            TempData["Status"] = "The filter's dates are not dates, so nothing was decided. Correct them and filter again.";
        else
        {
            var targets = overFilter
                ? db.Signatures.Matching(letter.Id, Filter, AddressView.MayReveal(User))
                : db.Signatures.Where(s => s.LetterId == letter.Id && ids.Contains(s.Id));
            var scope = overFilter ? $"filter ({Filter.Describe()})" : "a selection";
            var count = await moderation.DecideAsync(letter.Id, targets, verdict.Value,
                verdict == Verdict.Reject ? why : null, scope, cancellationToken);
            TempData["Status"] = $"{(verdict == Verdict.Approve ? "Approved" : "Rejected")} {count:N0} {(count == 1 ? "signature" : "signatures")}.";
        }
        return Redirect(QueueUrl(slug, Filter));
    }

    public static string QueueUrl(string slug, ReviewFilter filter) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/admin/letters/{slug}/signatures",
            filter.ToRouteValues().ToDictionary(v => v.Key, v => (string?)v.Value));
}
