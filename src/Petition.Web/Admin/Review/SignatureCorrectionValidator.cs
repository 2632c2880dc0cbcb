using FluentValidation;
using Petition.Data.Signatures;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Admin.Review;

public class SignatureCorrectionValidator : AbstractValidator<SignatureCorrection>
{
    public SignatureCorrectionValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("A signature needs a name.").MaximumLength(SignatureLimits.Name);
        RuleFor(c => c.Title).MaximumLength(SignatureLimits.Title);
        RuleFor(c => c.Organization).MaximumLength(SignatureLimits.Organization);
        RuleFor(c => c.City).MaximumLength(SignatureLimits.City);
        // The same rule as the sign form: what our emails repeat carries no link.
        RuleForEach(c => new[] { c.Name, c.Title, c.Organization, c.City }).Must(v => !TextRules.CarriesLink(v))
            .WithMessage("A signature's name, title, organisation and city cannot contain a web or email address.");
        RuleFor(c => c.Category).MaximumLength(SignatureLimits.Category);
        RuleFor(c => c.Country).Must(c => string.IsNullOrWhiteSpace(c) || Countries.Codes.Contains(c.Trim().ToUpperInvariant()))
            .WithMessage("Choose a country from the list.");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Say how the signer asked for the change.").MaximumLength(500);
    }
}
