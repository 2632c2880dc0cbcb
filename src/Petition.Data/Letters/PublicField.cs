using Petition.Data.Signatures;

namespace Petition.Data.Letters;

/// <summary>
/// A detail a signer may give that a letter may publish: the one definition of what the public sees of a signer.
/// Storage (which values stay in the clear), the public list, the API, the public exports, the PDF, the confirm page,
/// the sign form's consent line and the privacy notice all walk <see cref="Of"/> and ask <see cref="IsPublic"/>, so
/// what signers are told is published is exactly what is.
/// </summary>
/// <param name="Key">The JSON key and export column.</param>
/// <param name="Label">The English heading, also the key of its translations.</param>
/// <param name="ShownAt">The signer's visibility levels at which this field may show at all.</param>
public sealed record PublicField(string Key, string Label, Func<LetterFields, FieldRule> Rule, Visibility[] ShownAt,
    Func<Signature, string?> Get, Action<Signature, string?> Set, bool NamesOrganisation = false)
{
    public static readonly PublicField Title = new("title", "Title", f => f.Title,
        [Visibility.Full, Visibility.Initials], s => s.Title, (s, v) => s.Title = v);
    public static readonly PublicField Organization = new("organization", "Organisation", f => f.Organization,
        [Visibility.Full], s => s.Organization, (s, v) => s.Organization = v, NamesOrganisation: true);
    public static readonly PublicField Category = new("category", "Category", f => f.Category,
        [Visibility.Full], s => s.Category, (s, v) => s.Category = v);
    public static readonly PublicField Country = new("country", "Country", f => f.Country,
        [Visibility.Full, Visibility.NameAndCountry, Visibility.Initials], s => s.Country, (s, v) => s.Country = v, NamesOrganisation: true);
    public static readonly PublicField City = new("city", "City", f => f.City,
        [Visibility.Full], s => s.City, (s, v) => s.City = v);
    public static readonly PublicField Comment = new("comment", "Comment", f => f.Comment,
        [Visibility.Full], s => s.Comment, (s, v) => s.Comment = v);

    /// <summary>Every field a letter may publish, in the order the list, the exports and the PDF show them.</summary>
    public static readonly IReadOnlyList<PublicField> All = [Title, Organization, Category, Country, City, Comment];

    /// <summary>The fields this letter publishes (asked on its form and marked public).</summary>
    public static IReadOnlyList<PublicField> Of(LetterFields fields) => All.Where(f => f.Rule(fields).Published).ToList();

    /// <summary>The fields this letter asks for and keeps to its organisers.</summary>
    public static IReadOnlyList<PublicField> KeptPrivate(LetterFields fields) =>
        All.Where(f => f.Rule(fields) is { Shown: true, Public: false }).ToList();

    /// <summary>
    /// Whether this signer's value of this field is public: the signer is listed at a level that shows the field, and
    /// the letter published the field when they signed (a field made public later does not publish earlier values).
    /// An organisation signs in public (<see cref="Signature.ForOrganisation"/>): its name and country show whatever
    /// the signer chose for their own name, since an organisation listed without its name says nothing.
    /// </summary>
    public bool IsPublic(LetterFields fields, Signature signature) =>
        (NamesOrganisation && signature.ForOrganisation && signature.ListPublicly) ||
        ShownAt.Contains(signature.ListPublicly ? signature.Visibility : Visibility.Counted)
        && Rule(fields).PublishedFor(signature.CreatedAt);
}
