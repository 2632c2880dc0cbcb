using Petition.Web.Signatories;

namespace Petition.Web.Reach;

public static class SectionCounts
{
    /// <summary>Listed signatories per section, from the breakdown's categories: the last section takes every other value.</summary>
    public static IReadOnlyDictionary<Section, int> Of(IReadOnlyList<Section> sections, Breakdown breakdown)
    {
        var counts = sections.ToDictionary(s => s, _ => 0);
        foreach (var (category, count) in breakdown.ByCategory)
            counts[Sections.For(sections, category.Length == 0 ? null : category)] += count;
        return counts;
    }
}
