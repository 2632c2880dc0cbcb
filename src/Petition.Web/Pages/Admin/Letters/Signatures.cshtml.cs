using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Admin.Review;
using Petition.Web.Signatories;

namespace Petition.Web.Pages.Admin.Letters;

public class ReviewQueueModel(PetitionDbContext db, SignatureModeration moderation, Keys.PersonalDataKeys keys) : PageModel
{
    public const int PageSize = 100;

    /// <summary>Bound from the query string on GET and from the bulk form's hidden fields on POST, without a prefix.</summary>
    [BindProperty(SupportsGet = true)] public ReviewFilter Filter { get; set; } = new();

    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<Signature> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<SignatureState, int> StateCounts { get; private set; } = [];
    public bool FilterIsValid { get; private set; } = true;

    /// <summary>How many of the matching rows an approval, or a rejection, over the filter would change.</summary>
    public int Approvable { get; private set; }
    public int Rejectable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        // The queue opens on what waits for a decision: a bulk approval over "any state" once republished spam.
        if (!Request.Query.ContainsKey("state"))
            Filter.State = SignatureState.AwaitingReview;
        // A date that is not one shows why beside its field and lists nothing: the whole queue instead would look
        // like what was asked for, and a decision "over the filter" would take it all.
        var validation = await new SignatureFilterValidator().ValidateAsync(Filter, cancellationToken);
        foreach (var error in validation.Errors)
            ModelState.AddModelError(error.PropertyName.ToLowerInvariant(), error.ErrorMessage);
        FilterIsValid = validation.IsValid;
        if (FilterIsValid)
        {
            var matching = db.Signatures.AsNoTracking().Matching(letter.Id, Filter, keys, AddressView.MayReveal(User));
            Total = await matching.CountAsync(cancellationToken);
            Approvable = await matching.CountAsync(SignatureLifecycle.CanBecome(SignatureState.Published), cancellationToken);
            Rejectable = await matching.CountAsync(SignatureLifecycle.CanBecome(SignatureState.Rejected), cancellationToken);
            Rows = await matching.Sorted(Filter.Sort).Take(PageSize).ToListAsync(cancellationToken);
        }
        StateCounts = await db.Signatures.Where(s => s.LetterId == letter.Id).GroupBy(s => s.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Page();
    }

    /// <summary>One request decides a selection or everything the current filter matches (see decision 007).</summary>
    public async Task<IActionResult> OnPostDecideAsync(string slug, string? command, long[] ids, string? reason, string? note,
        int? expected, bool agreed, CancellationToken cancellationToken)
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
        // The set a decision over the filter takes: the one its button counted, and the one the check below counts
        // (built once the filter's dates are known to be dates).
        IQueryable<Signature> OverTheFilter() => db.Signatures.Matching(letter.Id, Filter, keys, AddressView.MayReveal(User));
        if (verdict is null)
            TempData["Status"] = "Choose what to do.";
        else if (verdict == Verdict.Reject && why is null)
            TempData["Status"] = "A rejection needs a reason: choose one from the list or write a note.";
        else if (!overFilter && ids.Length == 0)
            TempData["Status"] = "Select at least one signature, or decide over the whole filter.";
        else if (overFilter && !(await new SignatureFilterValidator().ValidateAsync(Filter, cancellationToken)).IsValid)
            TempData["Status"] = "The filter's dates are not dates, so nothing was decided. Correct them and filter again.";
        else if (overFilter && await Unagreed(OverTheFilter(), verdict.Value, expected, agreed, cancellationToken) is { } refusal)
            TempData["Status"] = refusal;
        else
        {
            var targets = overFilter
                ? OverTheFilter()
                : db.Signatures.Where(s => s.LetterId == letter.Id && ids.Contains(s.Id));
            var scope = overFilter ? $"filter ({Filter.Describe()})" : "a selection";
            var decision = await moderation.DecideAsync(letter.Id, targets, verdict.Value,
                verdict == Verdict.Reject ? why : null, scope, cancellationToken);
            TempData["Status"] = Told(verdict.Value, decision);
        }
        return Redirect(QueueUrl(slug, Filter));
    }

    /// <summary>
    /// A decision over the filter changes exactly the number its button showed, and more than a page only when the
    /// moderator ticked that they mean it; otherwise nothing changes and the reason is told (null: go ahead).
    /// </summary>
    async Task<string?> Unagreed(IQueryable<Signature> targets, Verdict verdict, int? expected, bool agreed, CancellationToken cancellationToken)
    {
        var to = verdict == Verdict.Approve ? SignatureState.Published : SignatureState.Rejected;
        var count = await targets.CountAsync(SignatureLifecycle.CanBecome(to), cancellationToken);
        if (expected is not null && expected != count)
            return $"The queue changed since it was shown: this would now change {count:N0}, not {expected:N0}. Nothing was decided; look again.";
        if (count > PageSize && !agreed)
            return $"This would change {count:N0} signatures, more than one page shows. Nothing was decided: tick \"Yes, all of them\" and press again.";
        return null;
    }

    static string Told(Verdict verdict, Decision decision)
    {
        var told = $"{(verdict == Verdict.Approve ? "Approved" : "Rejected")} {decision.Changed:N0} {(decision.Changed == 1 ? "signature" : "signatures")}.";
        if (decision.Skipped > 0)
            told += $" {decision.Skipped:N0} skipped: {(verdict == Verdict.Approve ? "never confirmed by their owner, already published or withdrawn" : "already rejected or withdrawn")}.";
        return told;
    }

    /// <summary>The queue's address for a filter; "any state" is said out loud, since no state means the default queue.</summary>
    public static string QueueUrl(string slug, ReviewFilter filter)
    {
        var values = filter.ToRouteValues().ToDictionary(v => v.Key, v => (string?)v.Value);
        values.TryAdd("state", "");
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/admin/letters/{slug}/signatures", values);
    }
}
