using FluentValidation;
using Petition.Data.Signatures;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Text;

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
        foreach (var field in new System.Linq.Expressions.Expression<Func<SignatureCorrection, string?>>[] { c => c.Name, c => c.Title, c => c.Organization, c => c.City })
            RuleFor(field).Must(v => !TextRules.CarriesLink(v)).WithMessage("This cannot contain a web or email address.");
        RuleFor(c => c.Category).MaximumLength(SignatureLimits.Category);
        RuleFor(c => c.Country).Must(c => string.IsNullOrWhiteSpace(c) || Countries.Codes.Contains(c.Trim().ToUpperInvariant()))
            .WithMessage("Choose a country from the list.");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Say how the signer asked for the change.").MaximumLength(500);
    }
}
