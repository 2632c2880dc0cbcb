using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Text;

namespace Petition.Web.Signing;

/// <summary>Moving a signer's details onto a signature, and taking them off again.</summary>
public static class SignatureDetails
{
    /// <summary>Copies what the letter's form shows, tidied; fields the letter hides are left empty.</summary>
    public static void CopyFrom(Letter letter, SignatureInput input, Signature signature)
    {
        var fields = letter.Fields;
        // An organisation always gives its name, its country and the signer's role, whatever the form asks of a person.
        // Who signs is fixed once stored: it is part of the address's one-signature key (a correction cannot move it).
        var organisation = signature.Id != 0 ? signature.ForOrganisation : input.ForOrganization && letter.AcceptsOrganisations;
        signature.ForOrganisation = organisation;
        var website = organisation ? TextRules.Tidy(input.OrganizationWebsite) : null;
        signature.Website = website;
        signature.Name = TextRules.Tidy(input.Name)!;
        signature.Title = fields.Title.Shown || organisation ? TextRules.Tidy(input.Title) : null;
        signature.Organization = fields.Organization.Shown || organisation ? TextRules.Tidy(input.Organization) : null;
        signature.Country = fields.Country.Shown || organisation ? TextRules.Tidy(input.Country)?.ToUpperInvariant() : null;
        signature.Category = fields.Category.Shown ? TextRules.Tidy(input.Category) : null;
        signature.City = fields.City.Shown ? TextRules.Tidy(input.City) : null;
        signature.Comment = fields.Comment.Shown ? TextRules.Tidy(input.Comment) : null;
        signature.Visibility = LevelOf(letter.Fields, input);
        signature.ListPublicly = signature.Visibility != Visibility.Counted;
        // The organisation's domain is public with its website: a match with it is shown without asking.
        signature.ShowVerifiedBadge = input.ShowVerifiedBadge || organisation;
        signature.WantsUpdates = input.WantsUpdates;
        signature.RefreshSearchText();
    }

    /// <summary>
    /// The level the signer chose; without a choice, listed means the most the letter offers and not listed the
    /// least. A level the letter does not offer is refused by the validators before this is reached.
    /// </summary>
    public static Visibility LevelOf(LetterFields fields, SignatureInput input)
    {
        if (Visibilities.Parse(input.Visibility) is { } chosen && fields.Offers(chosen))
            return chosen;
        var offered = fields.Offered();
        return input.ListPublicly ? offered[0] : offered[^1];
    }

    public static SignatureInput ToInput(Signature signature) => new()
    {
        Name = signature.Name,
        Email = signature.Email,
        Title = signature.Title,
        Organization = signature.Organization,
        Country = signature.Country,
        Category = signature.Category,
        City = signature.City,
        Comment = signature.Comment,
        ListPublicly = signature.ListPublicly,
        Visibility = (signature.ListPublicly ? signature.Visibility : Visibility.Counted).Word(),
        ShowVerifiedBadge = signature.ShowVerifiedBadge,
        WantsUpdates = signature.GetsUpdates,
        ForOrganization = signature.ForOrganisation,
        OrganizationWebsite = signature.Website,
    };

    /// <summary>
    /// Withdrawal: every personal field emptied; the address freed so its owner may sign again later. Only through
    /// <see cref="SignatureErasure"/>, which writes the rest of a withdrawal in the same transaction.
    /// </summary>
    public static void Erase(Signature signature, DateTimeOffset now)
    {
        signature.MoveTo(SignatureState.Withdrawn, now); // refused only when already withdrawn: erasing again is harmless
        signature.WithdrawnAt ??= now;
        signature.UpdatedAt = now; // signed, confirmed and published times stay: the count's history adds up
        signature.Name = "";
        signature.Email = "";
        signature.EmailHash = $"withdrawn:{Guid.NewGuid():N}";
        signature.Title = signature.Organization = signature.Category = signature.Country = signature.City = signature.Comment = null;
        signature.SearchText = "";
        signature.IpAddress = signature.UserAgent = signature.NetworkHash = null;
        signature.VerifiedDomain = null;
        signature.Website = null;
        signature.ConfirmationTokenHash = null;
        signature.ConfirmationExpiresAt = null;
        signature.ListPublicly = false;
        signature.Visibility = Visibility.Counted;
        signature.ShowVerifiedBadge = false;
        signature.WantsUpdates = false;
        signature.Notable = false;
        signature.NotableOrder = null;
    }
}
