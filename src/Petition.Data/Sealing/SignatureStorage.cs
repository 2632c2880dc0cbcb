using Petition.Data.Letters;
using Petition.Data.Signatures;

namespace Petition.Data.Sealing;

/// <summary>
/// What the database holds of a signature, the one rule for every path that writes one (the save interceptor, the
/// PostgreSQL bulk insert, the upgrade of older rows): the email, the request data and every detail are sealed;
/// the clear columns hold only what the public list shows (a listed signer's name, and the letter's public fields
/// as they were public when the signer signed), so search and paging stay fast on them and a copy of the database
/// shows nothing that is not public already.
/// </summary>
public static class SignatureStorage
{
    /// <summary>The clear columns the rule may empty, in the order <see cref="Details"/> seals them.</summary>
    public static readonly string[] ClearColumns =
        [nameof(Signature.Name), nameof(Signature.Title), nameof(Signature.Organization), nameof(Signature.Category),
         nameof(Signature.Country), nameof(Signature.City), nameof(Signature.Comment), nameof(Signature.SearchText)];

    /// <summary>The full details, as the signer gave them; what <see cref="Restore"/> puts back after a save.</summary>
    public static string?[] Details(Signature s) =>
        [s.Name, s.Title, s.Organization, s.Category, s.Country, s.City, s.Comment, s.SearchText];

    /// <summary>Seals everything personal and leaves in the clear columns only what the public list may show.</summary>
    public static void Seal(Signature s, LetterFields fields, IPersonalDataSeal seal)
    {
        s.SealedEmail = SealedStrings.Seal(seal, s.Email);
        s.SealedRequest = SealedStrings.Seal(seal, s.IpAddress, s.UserAgent);
        s.SealedDetails = SealedStrings.Seal(seal, s.Name, s.Title, s.Organization, s.Category, s.Country, s.City, s.Comment);
        var (country, category) = (s.Country, s.Category);
        // The signer's level decides which fields may show at all; the letter's rules, which of those are public.
        s.Name = (s.ListPublicly ? s.Visibility : Visibility.Counted) switch
        {
            Visibility.Full or Visibility.NameAndCountry => s.Name,
            Visibility.Initials => Visibilities.Initials(s.Name),
            _ => "",
        };
        foreach (var field in PublicField.All)
            if (!field.IsPublic(fields, s))
                field.Set(s, null);
        s.CountryHash = country is not null && s.Country is null ? CountryHash(seal, country) : null;
        s.CategoryHash = category is not null && s.Category is null ? CategoryHash(seal, category) : null;
        s.RefreshSearchText();
        // Derived here, where every write passes, so no path can store a level its facts do not give.
        s.Verification = Verifications.Of(s);
    }

    public static string CountryHash(IPersonalDataSeal seal, string country) => seal.Hash("country:" + country.Trim().ToUpperInvariant());

    public static string CategoryHash(IPersonalDataSeal seal, string category) => seal.Hash("category:" + category.Trim());

    /// <summary>Puts back what <see cref="Details"/> took, after the clear columns were written.</summary>
    public static void Restore(Signature s, string?[] details)
    {
        s.Name = details[0] ?? "";
        s.Title = details[1];
        s.Organization = details[2];
        s.Category = details[3];
        s.Country = details[4];
        s.City = details[5];
        s.Comment = details[6];
        s.SearchText = details[7] ?? "";
    }

    /// <summary>Opens what a loaded signature holds sealed, so the app works with the whole of it.</summary>
    public static void Open(Signature s, IPersonalDataSeal seal)
    {
        if (s.SealedEmail is not null)
            s.Email = SealedStrings.Open(seal, s.SealedEmail, 1)[0] ?? "";
        if (s.SealedRequest is not null)
            (s.IpAddress, s.UserAgent) = SealedStrings.Open(seal, s.SealedRequest, 2) is var r ? (r[0], r[1]) : default;
        if (s.SealedDetails is null)
            return;
        var d = SealedStrings.Open(seal, s.SealedDetails, 7);
        s.Name = d[0] ?? "";
        (s.Title, s.Organization, s.Category, s.Country, s.City, s.Comment) = (d[1], d[2], d[3], d[4], d[5], d[6]);
        // SearchText is left as stored: only queries read it, and a save derives it again from the clear columns.
    }
}
