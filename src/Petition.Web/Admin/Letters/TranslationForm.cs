using FluentValidation;
using Petition.Web.Languages;

namespace Petition.Web.Admin.Letters;

/// <summary>One translation of a letter as the organiser types it.</summary>
public class TranslationForm
{
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Recipients { get; set; }

    /// <summary>One per line, in the original's order.</summary>
    public string? Categories { get; set; }

    public List<string> CategoryList() =>
        (Categories ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

public class TranslationFormValidator : AbstractValidator<TranslationForm>
{
    public TranslationFormValidator(string originalLanguage, int originalCategories = 0)
    {
        RuleFor(f => f.Recipients).MaximumLength(1000);
        RuleFor(f => f.Categories).Must((form, _) => form.CategoryList().Count is 0 || form.CategoryList().Count == originalCategories)
            .WithMessage($"Give one translated category per line for each of the original's {originalCategories}, in the same order, or none.");
        RuleFor(f => f.Language).Must(l => SiteLanguages.Find(l)?.Code == l)
            .WithMessage("Choose one of the site's languages.")
            .Must(l => !string.Equals(l, originalLanguage, StringComparison.OrdinalIgnoreCase))
            .WithMessage("The letter is written in this language already; edit its text in the letter editor.");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the translated title.").MaximumLength(300);
        RuleFor(f => f.Body).NotEmpty().WithMessage("Write the translated text.").MaximumLength(100_000);
    }
}
