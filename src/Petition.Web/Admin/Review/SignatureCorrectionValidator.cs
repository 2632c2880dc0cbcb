using FluentValidation;
using Petition.Data.Signatures;
using Petition.Web.Letters;

namespace Petition.Web.Admin.Review;

public class SignatureCorrectionValidator : AbstractValidator<SignatureCorrection>
{
    public SignatureCorrectionValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("A signature needs a name.").MaximumLength(SignatureLimits.Name);
        RuleFor(c => c.Title).MaximumLength(SignatureLimits.Title);
        RuleFor(c => c.Organization).MaximumLength(SignatureLimits.Organization);
        RuleFor(c => c.City).MaximumLength(SignatureLimits.City);
        RuleFor(c => c.Category).MaximumLength(SignatureLimits.Category);
        RuleFor(c => c.Country).Must(c => string.IsNullOrWhiteSpace(c) || Countries.Codes.Contains(c.Trim().ToUpperInvariant()))
            .WithMessage("Choose a country from the list.");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Say how the signer asked for the change.").MaximumLength(500);
    }
}
