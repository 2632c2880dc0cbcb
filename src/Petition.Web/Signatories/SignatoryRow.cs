using System.Linq.Expressions;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Letters;

namespace Petition.Web.Signatories;

/// <summary>
/// What is read of a signature to show it in public: its clear columns (already no more than the signer's level and
/// the letter's public fields allow, see <see cref="Petition.Data.Sealing.SignatureStorage"/>) and the facts that
/// decide the rest. The list and the seal of the list both read it, so a sealed entry is the line the list shows.
/// </summary>
public record SignatoryRow(long Id, DateTimeOffset? PublishedAt, string Name, string? Title, string? Organization, string? Country,
    string? Category, string? City, string? Comment, bool Notable, int? NotableOrder, string? VerifiedDomain, bool ShowVerifiedBadge,
    DateTimeOffset CreatedAt, Verification Verification, bool Listed, bool ForOrganisation = false, string? Website = null,
    bool Founding = false)
{
    public static readonly Expression<Func<Signature, SignatoryRow>> Select = PublicList.Project((s, listed) => new SignatoryRow(s.Id,
        s.PublishedAt, s.Name, s.Title, s.Organization, s.Country, s.Category, s.City, s.Comment, s.Notable, s.NotableOrder,
        s.VerifiedDomain, s.ShowVerifiedBadge, s.CreatedAt, s.Verification, listed, s.ForOrganisation, s.Website, s.Founding));

    /// <summary>The line as the public sees it: a field the letter published after this signer signed stays empty.</summary>
    public PublicSignatory ToPublic(LetterFields fields) => new(
        Name,
        Public(fields.Title, Title),
        ForOrganisation ? Organization : Public(fields.Organization, Organization),
        ForOrganisation ? Country : Public(fields.Country, Country),
        // English, like the exports: the API's cached list is the same for every language. Pages name the country
        // from its code in the reader's language.
        (ForOrganisation ? Country : Public(fields.Country, Country)) is { } code ? Countries.EnglishName(code) : null,
        Public(fields.Category, Category),
        Public(fields.City, City),
        PublishedAt!.Value,
        Notable)
    {
        VerifiedAt = ShowVerifiedBadge ? VerifiedDomain : null,
        Comment = Public(fields.Comment, Comment),
        Verification = Verification,
        ForOrganization = ForOrganisation,
        Website = Website,
        Founding = Founding,
    };

    /// <summary>
    /// A field as the letter publishes it; an organisation's name and country are public with it (what storage keeps
    /// clear, <see cref="PublicField.IsPublic"/>), and its signer's role is shown at the signer's level like a title.
    /// </summary>
    string? Public(FieldRule rule, string? value) => rule.PublishedFor(CreatedAt) ? value : null;
}
