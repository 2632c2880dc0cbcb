using System.Runtime.CompilerServices;
using FluentValidation;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Letters;

namespace Petition.Web.Signing;

/// <summary>One set of rules for the sign form and the JSON API, shaped by the letter's own field settings.</summary>
public class SignatureInputValidator : AbstractValidator<SignatureInput>
{
    static readonly ConditionalWeakTable<Letter, SignatureInputValidator> Shared = new();

    /// <summary>
    /// The validator for this letter, built once per letter object: building one costs more than using it (a tenth of
    /// a sign request's CPU when built per request), and the letters from <see cref="LetterCache"/> are shared for
    /// seconds. Its rules hold no state, so concurrent requests may use it.
    /// </summary>
    public static SignatureInputValidator For(Letter letter, Abuse.ProofOfWork proofOfWork)
    {
        var validator = Shared.GetValue(letter, l => new SignatureInputValidator(l, proofOfWork));
        return validator.proofOfWork == proofOfWork ? validator : new SignatureInputValidator(letter, proofOfWork);
    }

    readonly Abuse.ProofOfWork? proofOfWork;

    public SignatureInputValidator(Letter letter, Abuse.ProofOfWork? proofOfWork = null)
    {
        this.proofOfWork = proofOfWork;
        if (letter.RequireProofOfWork && proofOfWork is not null)
        {
            RuleFor(s => s.PowNonce)
                .Must((input, nonce) => proofOfWork.Verify(letter.Slug, input.PowChallenge, nonce))
                .WithMessage("The anti-robot check was missing, expired or wrong. Fetch a new challenge and try again.");
        }

        RuleFor(s => s.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your name.")
            .MaximumLength(SignatureLimits.Name)
            .Must(n => TextRules.IsClean(n)).WithMessage("Your name contains characters we cannot accept.")
            .Must(TextRules.HasLetter).WithMessage("Enter your name in letters.")
            .Must(n => !TextRules.ContainsUrl(n) && !n!.Contains('@')).WithMessage("A name cannot contain a web or email address.")
            .Must(n => !TextRules.MixesScriptsInAWord(n)).WithMessage("Your name mixes letters of different alphabets in one word; type it in one alphabet.");

        RuleFor(s => s.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your email address; we send the confirmation link there.")
            .MaximumLength(SignatureLimits.Email)
            .Must(EmailAddress.IsValid).WithMessage("Enter an email address like name@example.org.");

        Optional(s => s.Title, letter.Fields.Title, SignatureLimits.Title, "your title or position");
        Optional(s => s.Organization, letter.Fields.Organization, SignatureLimits.Organization, "your organisation");
        Optional(s => s.City, letter.Fields.City, SignatureLimits.City, "your city");
        Optional(s => s.Comment, letter.Fields.Comment, SignatureLimits.Comment, "a comment", allowLineBreaks: true);

        When(_ => letter.Fields.Country.Shown, () =>
        {
            RuleFor(s => s.Country).NotEmpty().When(_ => letter.Fields.Country.Required).WithMessage("Choose your country.");
            RuleFor(s => s.Country)
                .Must(c => Countries.Codes.Contains(c!.ToUpperInvariant())).When(s => !string.IsNullOrEmpty(s.Country))
                .WithMessage("Choose a country from the list.");
        });

        When(_ => letter.Fields.Category.Shown && letter.Categories.Count > 0, () =>
        {
            RuleFor(s => s.Category).NotEmpty().When(_ => letter.Fields.Category.Required).WithMessage("Choose what describes you best.");
            RuleFor(s => s.Category)
                .Must(c => letter.Categories.Contains(c!)).When(s => !string.IsNullOrEmpty(s.Category))
                .WithMessage("Choose one of the listed categories.");
        });
    }

    void Optional(System.Linq.Expressions.Expression<Func<SignatureInput, string?>> field, FieldRule rule, int maxLength,
        string what, bool allowLineBreaks = false)
    {
        When(_ => rule.Shown, () =>
        {
            RuleFor(field).Cascade(CascadeMode.Stop)
                .NotEmpty().When(_ => rule.Required).WithMessage($"Enter {what}.")
                .MaximumLength(maxLength).WithMessage($"Keep {what} to {maxLength} characters or fewer.")
                .Must(v => TextRules.IsClean(v, allowLineBreaks)).WithMessage($"The text of {what} contains characters we cannot accept.");
        });
    }
}
