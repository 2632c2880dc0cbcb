using Petition.Data.Letters;

namespace Petition.Web.Signatories;

/// <summary>
/// A heading of the public list, as a printed letter groups its signatories: one of the letter's categories, in the
/// order the organiser set them, or (<see cref="Category"/> null) everyone else, last.
/// </summary>
public sealed record Section(int Index, string? Category)
{
    public bool IsOther => Category is null;
}

public static class Sections
{
    /// <summary>
    /// The letter's sections: none when it has no categories or keeps them private (<see cref="PublicField.Category"/>),
    /// since a section is a category told to the public.
    /// </summary>
    public static IReadOnlyList<Section> Of(Letter letter) =>
        letter.Categories.Count == 0 || !letter.Fields.Category.Published ? []
        : [.. letter.Categories.Distinct(StringComparer.Ordinal).Select((c, i) => new Section(i, c)), new Section(letter.Categories.Count, null)];

    /// <summary>
    /// The section a public category value belongs in: its own, or the last one for no category, a category the
    /// organiser has since removed, or one given before the category was public.
    /// </summary>
    public static Section For(IReadOnlyList<Section> sections, string? category) =>
        sections.FirstOrDefault(s => s.Category is not null && s.Category == category) ?? sections[^1];

    /// <summary>A section by its number in a link (<c>?section=2</c>), or null.</summary>
    public static Section? Find(IReadOnlyList<Section> sections, int? index) =>
        index is { } i && i >= 0 && i < sections.Count ? sections[i] : null;
}
