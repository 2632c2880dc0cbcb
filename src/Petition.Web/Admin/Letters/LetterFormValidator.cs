using FluentValidation;
using Petition.Data.Letters;

namespace Petition.Web.Admin.Letters;

public class LetterFormValidator : AbstractValidator<LetterForm>
{
    /// <summary>Slugs that would shadow a console address such as /admin/letters/new.</summary>
    static readonly string[] Reserved = ["new", "edit"];

    public LetterFormValidator()
    {
        RuleFor(f => f.Slug).NotEmpty().WithMessage("Enter the letter's address (slug).").MaximumLength(100)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("Use lower-case letters, digits and single dashes, e.g. upr-2027.")
            .Must(s => !Reserved.Contains(s)).WithMessage("That address is reserved; choose another.");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter a title.").MaximumLength(300);
        RuleFor(f => f.Recipients).NotEmpty().WithMessage("Say to whom the letter is addressed.").MaximumLength(1000);
        RuleFor(f => f.Body).NotEmpty().WithMessage("Write the letter.").MaximumLength(100_000);
        RuleFor(f => f.Goal).GreaterThan(0).WithMessage("The goal is a number of signatures above zero.");
        RuleFor(f => f.OpensAt).Must(BeEmptyOrDate).WithMessage("Enter a date and time, e.g. 2026-12-01T09:00.");
        RuleFor(f => f.ClosesAt).Must(BeEmptyOrDate).WithMessage("Enter a date and time, e.g. 2026-12-31T18:00.");
        RuleFor(f => f.ClosesAt)
            .Must((form, closes) => LetterForm.ParseUtc(closes) > LetterForm.ParseUtc(form.OpensAt))
            .When(f => LetterForm.ParseUtc(f.OpensAt) is not null && LetterForm.ParseUtc(f.ClosesAt) is not null)
            .WithMessage("The letter must close after it opens.");
        RuleFor(f => f.Milestones).Must(m => new LetterForm { Milestones = m }.MilestoneList() is { Count: <= 20 })
            .WithMessage("Up to 20 milestones, whole numbers of signatures above zero, separated by commas.");
        RuleFor(f => f.Status).IsInEnum();
        RuleFor(f => f.ModerationMode).IsInEnum();
        RuleFor(f => f.Categories).Must(c => new LetterForm { Categories = c }.CategoryList() is { Count: <= 50 } list && list.All(x => x.Length <= 60))
            .WithMessage("Up to 50 categories of up to 60 characters each.");
        RuleFor(f => f.IdentificationNote).MaximumLength(1000);
        RuleFor(f => f.Organiser.Name).MaximumLength(200).OverridePropertyName("Organiser.Name");
        RuleFor(f => f.Organiser.Email).MaximumLength(254).EmailAddress().WithMessage("Enter an address like contact@ngo.example.")
            .OverridePropertyName("Organiser.Email");
        RuleFor(f => f.Organiser.Website).MaximumLength(500)
            .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http"))
            .WithMessage("Enter the full address, starting with https://.").OverridePropertyName("Organiser.Website");
        RuleFor(f => f.Organiser.LegalNotice).MaximumLength(2000).OverridePropertyName("Organiser.LegalNotice");
        RuleFor(f => f.Organiser.ConfirmationMessage).MaximumLength(2000).OverridePropertyName("Organiser.ConfirmationMessage");
        RuleFor(f => f.Organiser.ThankYouMessage).MaximumLength(2000).OverridePropertyName("Organiser.ThankYouMessage");
        RuleFor(f => f.EmbedHosts)
            .Must(h => new LetterForm { EmbedHosts = h }.EmbedHostList() is { Count: <= 50 } list && list.All(x => Sharing.EmbedOrigins.TryNormalize(x, out _)))
            .WithMessage("One site per line, each an origin such as https://partner.example (no path), up to 50.");
        RuleFor(f => f.ChangeSummary).MaximumLength(2000);
        RuleFor(f => f.Visibilities).Must((form, _) => form.VisibilityWords().Length > 0)
            .WithMessage("Offer signers at least one way to appear (or not) on the list.");
        RuleFor(f => f.NamesHeldUntil).Must(BeEmptyOrDate).WithMessage("Enter a date and time, e.g. 2027-01-15T09:00.");
        RuleFor(f => f.ContactRetentionDays).InclusiveBetween(0, 3650)
            .WithMessage("Enter a number of days from 0 to 3650, or leave it empty to keep addresses.");
        RuleFor(f => f.Fields.Category.Mode).NotEqual(FieldMode.Required)
            .When(f => f.CategoryList().Count == 0)
            .WithMessage("A required category needs at least one category to choose from.")
            .OverridePropertyName("Fields.Category.Mode");
    }

    static bool BeEmptyOrDate(string? value) => string.IsNullOrWhiteSpace(value) || LetterForm.ParseUtc(value) is not null;
}
