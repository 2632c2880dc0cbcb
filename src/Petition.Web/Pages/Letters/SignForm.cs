using FluentValidation;
using Microsoft.Extensions.Localization;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Languages;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Letters;

/// <summary>The signer's details as a page's form holds them: the API's fields plus an explicit listing choice.</summary>
public class SignatureFormInput : SignatureInput
{
    /// <summary>
    /// The visibility level's word ("public" and "private" are the full and counted ones): asked explicitly, never
    /// pre-ticked.
    /// </summary>
    public string? Listing { get; set; }

    /// <summary>Copies the radio choice onto the fields the rest of the app reads.</summary>
    public void ApplyListing()
    {
        var level = Visibilities.Parse(Listing);
        Visibility = level?.Word();
        ListPublicly = level is { } l && l != Petition.Data.Signatures.Visibility.Counted;
    }

    /// <summary>The radio's value for a level: the older words for full and counted, so earlier links and scripts still match.</summary>
    public static string ValueOf(Visibility level) => level switch
    {
        Petition.Data.Signatures.Visibility.Full => "public",
        Petition.Data.Signatures.Visibility.Counted => "private",
        _ => level.Word(),
    };

    public static string ListingOf(SignatureInput input) =>
        ValueOf(Visibilities.Parse(input.Visibility) ?? (input.ListPublicly ? Petition.Data.Signatures.Visibility.Full : Petition.Data.Signatures.Visibility.Counted));
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
        RuleFor(f => f.Listing).Must(l => Visibilities.Parse(l) is { } level && letter.Fields.Offers(level))
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
