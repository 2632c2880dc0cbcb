using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin.Letters;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>The letter's title and text in other languages (admins only, see AdminAccess).</summary>
[RequestSizeLimit(Front.BodyLimits.LetterTextMaxBytes)]
public class TranslationsModel(PetitionDbContext db, LetterTranslator translator, LetterMarkdown markdown) : PageModel
{
    [BindProperty] public TranslationForm Input { get; set; } = new();

    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<LetterTranslation> Translations { get; private set; } = [];
    public string? PreviewHtml { get; private set; }

    /// <summary>When the original's current version was made: translations saved before then are out of date.</summary>
    public DateTimeOffset? CurrentVersionMadeAt { get; private set; }

    public bool IsOutOfDate(LetterTranslation translation) => TranslationAge.IsOutOfDate(translation.UpdatedAt, CurrentVersionMadeAt);

    /// <summary>The languages a translation can be added in: the site's, less the original's.</summary>
    public IEnumerable<SiteLanguage> Choices => SiteLanguages.All.Where(l => l.Code != Letter.Language);

    public async Task<IActionResult> OnGetAsync(string slug, string? language, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (Translations.FirstOrDefault(t => t.Language == language) is { } existing)
            Input = new TranslationForm
            {
                Language = existing.Language, Title = existing.Title, Body = existing.Body, Recipients = existing.Recipients,
                Categories = string.Join('\n', existing.Categories),
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        ModelState.Clear();
        if (!await new TranslationFormValidator(Letter.Language, Letter.Categories.Count).ValidInAsync(Input, ModelState, nameof(Input), cancellationToken))
            return Page();
        await translator.SaveAsync(Letter, Input, cancellationToken);
        TempData["Status"] = $"Saved the {Input.Language} translation.";
        return Redirect($"/admin/letters/{Letter.Slug}/translations");
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        ModelState.Clear();
        PreviewHtml = markdown.ToHtml(Input.Body ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, string language, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (await translator.DeleteAsync(Letter, language, cancellationToken))
            TempData["Status"] = $"Removed the {language} translation.";
        return Redirect($"/admin/letters/{Letter.Slug}/translations");
    }

    public async Task<IActionResult> OnPostOriginalAsync(string slug, string language, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (SiteLanguages.Find(language)?.Code != language || Translations.Any(t => t.Language == language))
        {
            ModelState.AddModelError("language", "Choose a language the letter has no translation in.");
            return Page();
        }
        await translator.SetOriginalLanguageAsync(Letter, language, cancellationToken);
        TempData["Status"] = $"The original text is now marked as {language}.";
        return Redirect($"/admin/letters/{Letter.Slug}/translations");
    }

    async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken);
        if (letter is null)
            return false;
        Letter = letter;
        Translations = await translator.ListAsync(letter.Id, cancellationToken);
        CurrentVersionMadeAt = await db.LetterVersions.CurrentVersionMadeAtAsync(letter, cancellationToken);
        return true;
    }
}
