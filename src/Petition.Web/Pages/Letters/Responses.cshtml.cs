using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Recipients;
using Petition.Web.Caching;
using Petition.Web.Letters;
using Petition.Web.Recipients;

namespace Petition.Web.Pages.Letters;

/// <summary>Every recipient of a letter and their answer, filtered by answer (?status=replied); the same for every visitor.</summary>
[OutputCache(PolicyName = RecipientsSetup.ResponsesPolicy)]
[SharedCache(VariesByLanguage = true)]
public class ResponsesModel(PetitionDbContext db, LetterResponses responses, TimeProvider time) : PageModel
{
    /// <summary>Answers shown on the letter's own page; the rest are here.</summary>
    public const int OnLetterPage = 20;

    public Letter Letter { get; private set; } = null!;
    public LetterText Text { get; private set; } = null!;
    public Responses Responses { get; private set; } = Responses.Empty;
    public AnswerStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? status, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken) is not { } letter)
            return NotFound();
        Status = LetterResponses.Parse(status);
        if (status is not null && Status is null)
            return NotFound();
        HttpContext.TagWithLetter(letter.Id);
        (Letter, Text) = (letter, LetterText.Of(letter));
        Responses = await responses.GetAsync(letter.Id, Status, cancellationToken);
        return Page();
    }
}
