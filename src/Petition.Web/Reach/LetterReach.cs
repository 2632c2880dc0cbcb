using Petition.Data.Letters;
using Petition.Web.Signatories;

namespace Petition.Web.Reach;

/// <summary>The first few signatories of a section, and how many it has in all.</summary>
public record SectionPreview(Section Section, IReadOnlyList<PublicSignatory> Items, int Count);

/// <summary>What the letter page shows of its signatories beyond the count: sections, the map, the chart.</summary>
public record LetterReachView(IReadOnlyList<SectionPreview> Sections, WorldMap? Map, TimeChart? Chart);

/// <summary>Loads <see cref="LetterReachView"/> for the letter page, whose output cache keeps the result a few seconds.</summary>
public class LetterReach(PublicSignatories signatories, PublicBreakdowns breakdowns, TimeProvider time)
{
    /// <summary>How many of each section the letter page shows before "all N in …".</summary>
    public const int PerSection = 5;

    public async Task<LetterReachView> LoadAsync(Letter letter, CancellationToken cancellationToken)
    {
        var breakdown = await breakdowns.GetAsync(letter, cancellationToken);
        var now = time.GetUtcNow();
        var sections = Signatories.Sections.Of(letter);
        var previews = new List<SectionPreview>();
        if (sections.Count > 0 && letter.NamesPublicAt(now))
        {
            var counts = SectionCounts.Of(sections, breakdown);
            foreach (var section in sections.Where(s => counts[s] > 0))
            {
                var page = await signatories.QueryAsync(letter, new SignatoryQuery(PerSection) { Section = section, CountTotal = false }, cancellationToken);
                previews.Add(new SectionPreview(section, page.Items, counts[section]));
            }
        }
        return new LetterReachView(previews, WorldMap.For(letter, breakdown, now), TimeChart.Of(breakdown.ByDay));
    }
}
