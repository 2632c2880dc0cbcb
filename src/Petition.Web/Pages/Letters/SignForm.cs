using FluentValidation;
using Petition.Data.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Letters;

/// <summary>The sign form: the API's fields plus the two choices a person makes on the page.</summary>
public class SignForm : SignatureInput
{
    /// <summary>"public" or "private": asked explicitly, never pre-ticked.</summary>
    public string? Listing { get; set; }

    public bool AcceptPrivacy { get; set; }
}

public class SignFormValidator : AbstractValidator<SignForm>
{
    public SignFormValidator(Letter letter)
    {
        Include(new SignatureInputValidator(letter));
        RuleFor(f => f.Listing).Must(l => l is "public" or "private")
            .WithMessage("Choose whether your name appears on the public list.");
        RuleFor(f => f.AcceptPrivacy).Equal(true)
            .WithMessage("Agree to the privacy notice to sign.");
    }
}
