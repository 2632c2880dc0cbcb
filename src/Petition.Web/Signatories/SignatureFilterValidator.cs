using FluentValidation;

namespace Petition.Web.Signatories;

/// <summary>The dates of a filter, checked before it narrows anything: a typo must say so, not return the whole list.</summary>
public class SignatureFilterValidator : AbstractValidator<SignatureFilter>
{
    public SignatureFilterValidator()
    {
        RuleFor(f => f.From).Must(BeEmptyOrDate)
            .WithMessage(f => $"\"{f.From}\" is not a date. Write the start like 2026-11-27 or 2026-11-27T10:00 (UTC).");
        RuleFor(f => f.To).Must(BeEmptyOrDate)
            .WithMessage(f => $"\"{f.To}\" is not a date. Write the end like 2026-11-28 or 2026-11-28T10:00 (UTC).");
    }

    static bool BeEmptyOrDate(string? value) => string.IsNullOrWhiteSpace(value) || SignatureFilter.TryParseUtc(value, out _);
}
