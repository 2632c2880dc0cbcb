using FluentValidation;

namespace Petition.Web.Pages.Account;

public class LoginInput
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

public class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator()
    {
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your email address.").MaximumLength(254);
        RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(200);
    }
}

/// <summary>A code from the authenticator app, or one of the recovery codes.</summary>
public class CodeInput
{
    public string Code { get; set; } = "";

    /// <summary>Spaces, as an app shows them, are not part of the code (a recovery code keeps its dash).</summary>
    public string Cleaned => Code.Replace(" ", "").Trim();
}

public class CodeInputValidator : AbstractValidator<CodeInput>
{
    public CodeInputValidator()
    {
        RuleFor(i => i.Cleaned).NotEmpty().WithMessage("Enter the code.").MaximumLength(20)
            .OverridePropertyName(nameof(CodeInput.Code));
    }
}

public class SetPasswordInput
{
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public class SetPasswordInputValidator : AbstractValidator<SetPasswordInput>
{
    public SetPasswordInputValidator()
    {
        RuleFor(i => i.Password).NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(12).WithMessage("Use at least 12 characters.").MaximumLength(200);
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage("The two passwords are not the same.");
    }
}
