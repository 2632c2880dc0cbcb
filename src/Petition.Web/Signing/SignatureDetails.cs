using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;

namespace Petition.Web.Signing;

/// <summary>Moving a signer's details onto a signature, and taking them off again.</summary>
public static class SignatureDetails
{
    /// <summary>Copies what the letter's form shows, tidied; fields the letter hides are left empty.</summary>
    public static void CopyFrom(Letter letter, SignatureInput input, Signature signature)
    {
        var fields = letter.Fields;
        signature.Name = TextRules.Tidy(input.Name)!;
        signature.Title = fields.Title.Shown ? TextRules.Tidy(input.Title) : null;
        signature.Organization = fields.Organization.Shown ? TextRules.Tidy(input.Organization) : null;
        signature.Country = fields.Country.Shown ? TextRules.Tidy(input.Country)?.ToUpperInvariant() : null;
        signature.Category = fields.Category.Shown ? TextRules.Tidy(input.Category) : null;
        signature.City = fields.City.Shown ? TextRules.Tidy(input.City) : null;
        signature.Comment = fields.Comment.Shown ? TextRules.Tidy(input.Comment) : null;
        signature.ListPublicly = input.ListPublicly;
        signature.ShowVerifiedBadge = input.ShowVerifiedBadge;
        signature.RefreshSearchText();
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
        ShowVerifiedBadge = signature.ShowVerifiedBadge,
    };

    /// <summary>Withdrawal: every personal field emptied; the address freed so its owner may sign again later.</summary>
    public static void Erase(Signature signature, DateTimeOffset now)
    {
        signature.State = SignatureState.Withdrawn;
        signature.WithdrawnAt = now;
        signature.UpdatedAt = now; // signed, confirmed and published times stay: the count's history adds up
        signature.Name = "";
        signature.Email = "";
        signature.EmailCanonical = $"withdrawn:{Guid.NewGuid():N}";
        signature.Title = signature.Organization = signature.Category = signature.Country = signature.City = signature.Comment = null;
        signature.SearchText = "";
        signature.IpAddress = signature.UserAgent = signature.NetworkHash = null;
        signature.VerifiedDomain = null;
        signature.ConfirmationTokenHash = null;
        signature.ConfirmationExpiresAt = null;
        signature.ListPublicly = false;
        signature.ShowVerifiedBadge = false;
        signature.Notable = false;
        signature.NotableOrder = null;
    }

    /// <summary>
    /// Withdrawal or erasure also takes the signer's old values out of the audit entries of corrections, the only
    /// entries that hold them. Who acted, what and when stay: the right to erasure outranks an unedited log here.
    /// </summary>
    public static Task ScrubCorrectionsAsync(PetitionDbContext db, long signatureId, CancellationToken cancellationToken) =>
        db.Audit.Where(a => a.SignatureId == signatureId && a.Action == "signature.corrected")
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Before, (string?)null).SetProperty(x => x.After, (string?)null)
                .SetProperty(x => x.Detail, "values erased with the signature"), cancellationToken);
}
