using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Abuse;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Text;

namespace Petition.Web.Signing;

/// <summary>
/// One set of rules for the sign form and the JSON API, shaped by the letter's own field settings. Messages are in
/// the request's language when a localizer is given, in English otherwise.
/// </summary>
public class SignatureInputValidator : AbstractValidator<SignatureInput>
{
    static readonly ConditionalWeakTable<Letter, ConcurrentDictionary<string, SignatureInputValidator>> Shared = new();

    /// <summary>
    /// The validator for this letter in the current language, built once per letter object and language: building
    /// one costs more than using it (a tenth of a sign request's CPU when built per request), and the letters from
    /// <see cref="LetterCache"/> are shared for seconds. Its rules hold no state, so concurrent requests may use it.
    /// </summary>
    public static SignatureInputValidator For(Letter letter, Abuse.ProofOfWork proofOfWork, IStringLocalizer<SiteText> text)
    {
        var validators = Shared.GetValue(letter, _ => new ConcurrentDictionary<string, SignatureInputValidator>(StringComparer.Ordinal));
        var validator = validators.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => new SignatureInputValidator(letter, proofOfWork, text));
        return validator.proofOfWork == proofOfWork ? validator : new SignatureInputValidator(letter, proofOfWork, text);
    }

    readonly Abuse.ProofOfWork? proofOfWork;
    readonly IStringLocalizer? text;

    public SignatureInputValidator(Letter letter, Abuse.ProofOfWork? proofOfWork = null, IStringLocalizer<SiteText>? text = null)
    {
        this.proofOfWork = proofOfWork;
        this.text = text;
        if (letter.RequireProofOfWork && proofOfWork is not null)
        {
            RuleFor(s => s.PowNonce)
                .Must((input, nonce) => proofOfWork.Verify(letter.Slug, input.PowChallenge, nonce))
                .WithMessage(T("The anti-robot check was missing, expired or wrong. Fetch a new challenge and try again."));
        }

        RuleFor(s => s.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(T("Enter your name."))
            .MaximumLength(SignatureLimits.Name).WithMessage(T("Keep your name to {0} characters or fewer.", SignatureLimits.Name))
            .Must(n => TextRules.IsClean(n)).WithMessage(T("Your name contains characters we cannot accept."))
            .Must(TextRules.HasLetter).WithMessage(T("Enter your name in letters."))
            .Must(n => !TextRules.CarriesLink(n)).WithMessage(T("A name cannot contain a web or email address."))
            .Must(n => !TextRules.MixesScriptsInAWord(n)).WithMessage(T("Your name mixes letters of different alphabets in one word; type it in one alphabet."));

        RuleFor(s => s.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(T("Enter your email address; we send the confirmation link there."))
            .MaximumLength(SignatureLimits.Email).WithMessage(T("Keep your email address to {0} characters or fewer.", SignatureLimits.Email))
            .Must(EmailAddress.IsValid).WithMessage(T("Enter an email address like name@example.org."));

        // Whole sentences per field, so each language can word them its own way.
        // An organisation gives its name, country and the signer's role even where the form asks a person for none.
        bool Organisation(SignatureInput s) => s.ForOrganization && letter.AcceptsOrganisations;
        Optional(s => s.Title, letter.Fields.Title, SignatureLimits.Title, T("Enter your title or position."),
            T("Keep your title or position to {0} characters or fewer.", SignatureLimits.Title),
            T("Your title or position contains characters we cannot accept."),
            T("Your title or position cannot contain a web or email address."), organisation: Organisation);
        Optional(s => s.Organization, letter.Fields.Organization, SignatureLimits.Organization, T("Enter your organisation."),
            T("Keep your organisation to {0} characters or fewer.", SignatureLimits.Organization),
            T("Your organisation contains characters we cannot accept."),
            T("Your organisation cannot contain a web or email address."), organisation: Organisation);
        Optional(s => s.City, letter.Fields.City, SignatureLimits.City, T("Enter your city."),
            T("Keep your city to {0} characters or fewer.", SignatureLimits.City),
            T("Your city contains characters we cannot accept."),
            T("Your city cannot contain a web or email address."));
        Optional(s => s.Comment, letter.Fields.Comment, SignatureLimits.Comment, T("Enter a comment."),
            T("Keep your comment to {0} characters or fewer.", SignatureLimits.Comment),
            T("Your comment contains characters we cannot accept."), allowLineBreaks: true);

        When(s => letter.Fields.Country.Shown || Organisation(s), () =>
        {
            RuleFor(s => s.Country).NotEmpty().When(_ => letter.Fields.Country.Required).WithMessage(T("Choose your country."));
            RuleFor(s => s.Country)
                .Must(c => Countries.Codes.Contains(c!.ToUpperInvariant())).When(s => !string.IsNullOrEmpty(s.Country))
                .WithMessage(T("Choose a country from the list."));
        });

        RuleFor(s => s.Visibility)
            .Must(v => Visibilities.Parse(v) is { } level && letter.Fields.Offers(level)).When(s => !string.IsNullOrWhiteSpace(s.Visibility))
            .WithMessage(T("Choose how your name appears from the choices this letter offers."));

        RuleFor(s => s.ForOrganization).Equal(false).When(_ => !letter.AcceptsOrganisations)
            .WithMessage(T("This letter takes signatures from people only, not on behalf of organisations."));
        When(s => s.ForOrganization && letter.AcceptsOrganisations, () =>
        {
            RuleFor(s => s.Organization).NotEmpty().WithMessage(T("Enter the organisation's name."));
            RuleFor(s => s.Title).NotEmpty().WithMessage(T("Enter your role at the organisation."));
            RuleFor(s => s.Country).NotEmpty().WithMessage(T("Choose the organisation's country."));
            RuleFor(s => s.OrganizationWebsite).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(T("Enter the organisation's website."))
                .MaximumLength(SignatureLimits.Website).WithMessage(T("Keep the website to {0} characters or fewer.", SignatureLimits.Website))
                .Must(OrganisationWebsite.IsValid).WithMessage(T("Enter the website's full address, like https://example.org."));
        });

        When(_ => letter.Fields.Category.Shown && letter.Categories.Count > 0, () =>
        {
            RuleFor(s => s.Category).NotEmpty().When(_ => letter.Fields.Category.Required).WithMessage(T("Choose what describes you best."));
            RuleFor(s => s.Category)
                .Must(c => letter.Categories.Contains(c!)).When(s => !string.IsNullOrEmpty(s.Category))
                .WithMessage(T("Choose one of the listed categories."));
        });
    }

    void Optional(System.Linq.Expressions.Expression<Func<SignatureInput, string?>> field, FieldRule rule, int maxLength,
        string missing, string tooLong, string unclean, string? linked = null, bool allowLineBreaks = false,
        Func<SignatureInput, bool>? organisation = null)
    {
        When(s => rule.Shown || organisation?.Invoke(s) == true, () =>
        {
            RuleFor(field).Cascade(CascadeMode.Stop)
                .NotEmpty().When(_ => rule.Required).WithMessage(missing)
                .MaximumLength(maxLength).WithMessage(tooLong)
                .Must(v => TextRules.IsClean(v, allowLineBreaks)).WithMessage(unclean)
                // The fields our emails repeat (linked is given for those) carry no link: see TextRules.CarriesLink.
                .Must(v => linked is null || !TextRules.CarriesLink(v)).WithMessage(linked ?? unclean);
        });
    }

    /// <summary>
    /// The message in the current language. FluentValidation reads "{" as its own placeholders, so braces left
    /// in a message are escaped.
    /// </summary>
    string T(string key, params object[] args)
    {
        var message = text is null ? string.Format(key, args) : text[key, args].Value;
        return message.Replace("{", "{{").Replace("}", "}}");
    }
}
