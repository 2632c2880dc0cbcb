using System.Net;
using FluentValidation;
using Petition.Data.Moderation;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Pages.Admin.Trust;

public class BlockRuleInput
{
    public BlockKind Kind { get; set; }
    public string Value { get; set; } = "";
    public string? Reason { get; set; }
}

public class BlockRuleInputValidator : AbstractValidator<BlockRuleInput>
{
    public BlockRuleInputValidator()
    {
        RuleFor(r => r.Value).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter what to block.").MaximumLength(254)
            .Must((rule, value) => rule.Kind switch
            {
                BlockKind.Email => EmailAddress.IsValid(value.Trim()),
                BlockKind.Domain => DomainInput.IsDomain(value),
                BlockKind.Ip => IPAddress.TryParse(value.Trim(), out _),
                BlockKind.Cidr => IPNetwork.TryParse(value.Trim(), out _),
                _ => false,
            }).WithMessage(rule => rule.Kind switch
            {
                BlockKind.Email => "Enter an email address like name@example.org.",
                BlockKind.Domain => "Enter a domain like example.org (its subdomains are blocked too).",
                BlockKind.Ip => "Enter an IP address like 203.0.113.7 or 2001:db8::1.",
                _ => "Enter a range like 203.0.113.0/24.",
            });
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}

public class OrganisationInput
{
    public string Organisation { get; set; } = "";
    public string Domain { get; set; } = "";
}

public class OrganisationInputValidator : AbstractValidator<OrganisationInput>
{
    public OrganisationInputValidator()
    {
        RuleFor(o => o.Organisation).NotEmpty().WithMessage("Enter the organisation's name.").MaximumLength(200)
            .Must(o => TextRules.IsClean(o)).WithMessage("The name contains characters we cannot accept.");
        RuleFor(o => o.Domain).Must(DomainInput.IsDomain).WithMessage("Enter a domain like who.int.");
    }
}

public static class DomainInput
{
    /// <summary>Lower-case ASCII (punycode), without a leading "@" or dot.</summary>
    public static string Normalise(string domain) =>
        new System.Globalization.IdnMapping().GetAscii(domain.Trim().TrimStart('@', '.').ToLowerInvariant());

    public static bool IsDomain(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        try { return EmailAddress.IsValid("x@" + Normalise(value)); }
        catch (ArgumentException) { return false; }
    }
}
