using Petition.Data.Letters;

namespace Petition.Web.Signatories;

/// <summary>A section's part of a page: its heading, and whether the page opens inside it (it began on an earlier one).</summary>
public record SectionRows(Section Section, IReadOnlyList<PublicSignatory> Items, bool Continued);

/// <summary>A page of the list walked section by section; <see cref="SignatoryPage"/>'s totals and held names apply.</summary>
public record SectionedPage(IReadOnlyList<SectionRows> Sections, string? Next);

/// <summary>
/// The public list as a printed letter shows it: the letter's sections in the organiser's order, each with its
/// notable signatories first and then everyone else newest first (<see cref="PublicSignatories"/>). A page fills
/// from one section into the next; its cursor names the section and the keyset cursor inside it, so a deep page
/// costs what the first does, whatever the size of the list.
/// </summary>
public class SectionedSignatories(PublicSignatories signatories)
{
    /// <summary>
    /// The page after <see cref="SignatoryQuery.After"/> (a <see cref="SectionCursor"/>); a query with a section stays
    /// in it. Null when the names are held (<see cref="Letter.NamesPublicAt"/>): the caller asks the plain list why.
    /// </summary>
    /// <param name="empty">
    /// Sections known to hold no one (an unfiltered list's, from the cached breakdown): skipped without a query, so
    /// a letter whose signatories are all in its last section costs two queries a page, not two per section.
    /// </param>
    public async Task<SectionedPage?> QueryAsync(Letter letter, IReadOnlyList<Section> sections, SignatoryQuery query,
        Func<Section, bool>? empty, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, SignatoryQuery.MaxLimit);
        var (first, inner) = SectionCursor.TryParse(query.After, out var cursor) && cursor.Index < sections.Count
            ? (cursor.Index, cursor.Inner) : (query.Section?.Index ?? 0, null);
        if (query.Section is { } only && first != only.Index)
            (first, inner) = (only.Index, null);
        var last = query.Section?.Index ?? sections.Count - 1;
        var parts = new List<SectionRows>();
        string? next = null;
        for (var index = first; index <= last && limit > 0; index++)
        {
            var section = sections[index];
            if (inner is null && empty?.Invoke(section) == true)
                continue;
            var page = await signatories.QueryAsync(letter, query with { Limit = limit, After = inner, Section = section, CountTotal = false },
                cancellationToken);
            if (page.NamesHeld)
                return null;
            if (page.Items.Count > 0)
                parts.Add(new SectionRows(section, page.Items, Continued: inner is not null));
            limit -= page.Items.Count;
            inner = null;
            if (page.Next is not null)
                next = new SectionCursor(index, page.Next).ToString();
            else if (limit == 0 && index < last)
                next = new SectionCursor(index + 1, null).ToString();
            if (next is not null)
                break;
        }
        return new SectionedPage(parts, next);
    }
}
