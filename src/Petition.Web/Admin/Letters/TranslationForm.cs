using FluentValidation;
using Petition.Web.Languages;

namespace Petition.Web.Admin.Letters;

/// <summary>One translation of a letter as the organiser types it.</summary>
public class TranslationForm
{
    public string? Language { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
}

public class TranslationFormValidator : AbstractValidator<TranslationForm>
{
    public TranslationFormValidator(string originalLanguage)
    {
        RuleFor(f => f.Language).Must(l => SiteLanguages.Find(l)?.Code == l)
            .WithMessage("Choose one of the site's languages.")
            .Must(l => !string.Equals(l, originalLanguage, StringComparison.OrdinalIgnoreCase))
            .WithMessage("The letter is written in this language already; edit its text in the letter editor.");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the translated title.").MaximumLength(300);
        RuleFor(f => f.Body).NotEmpty().WithMessage("Write the translated text.").MaximumLength(100_000);
    }
}
