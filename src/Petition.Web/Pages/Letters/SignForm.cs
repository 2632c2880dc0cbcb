using FluentValidation;
using Microsoft.Extensions.Localization;
using Petition.Web.Languages;
using Petition.Data.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Letters;

/// <summary>The signer's details as a page's form holds them: the API's fields plus an explicit listing choice.</summary>
public class SignatureFormInput : SignatureInput
{
    /// <summary>"public" or "private": asked explicitly, never pre-ticked.</summary>
    public string? Listing { get; set; }

    /// <summary>Copies the radio choice onto the flag the rest of the app reads.</summary>
    public void ApplyListing() => ListPublicly = Listing == "public";

    public static string ListingOf(SignatureInput input) => input.ListPublicly ? "public" : "private";
}

/// <summary>The sign form: the details plus consent, and the fields that tell a robot from a person.</summary>
public class SignForm : SignatureFormInput
{
    public bool AcceptPrivacy { get; set; }

    /// <summary>Hidden from people; a robot that fills every field fills this one.</summary>
    public string? Website { get; set; }

    /// <summary>When the form was served, protected so it cannot be forged.</summary>
    public string? Started { get; set; }
}

public class SignatureFormValidator : AbstractValidator<SignatureFormInput>
{
    public SignatureFormValidator(Letter letter, IStringLocalizer<SiteText> text, Abuse.ProofOfWork? proofOfWork = null)
    {
        Include(proofOfWork is null ? new SignatureInputValidator(letter, text: text) : SignatureInputValidator.For(letter, proofOfWork, text));
        RuleFor(f => f.Listing).Must(l => l is "public" or "private")
            .WithMessage(text["Choose whether your name appears on the public list."].Value);
    }
}

public class SignFormValidator : AbstractValidator<SignForm>
{
    public SignFormValidator(Letter letter, IStringLocalizer<SiteText> text, Abuse.ProofOfWork proofOfWork)
    {
        Include(new SignatureFormValidator(letter, text, proofOfWork));
        RuleFor(f => f.AcceptPrivacy).Equal(true)
            .WithMessage(text["Agree to the privacy notice to sign."].Value);
    }
}
