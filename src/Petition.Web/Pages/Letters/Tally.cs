namespace Petition.Web.Pages.Letters;

/// <summary>The count and the progress toward the goal, as the letter page and the embed show them.</summary>
public record Tally(int? Goal, int Published)
{
    public int? Percent => Goal is > 0 ? Math.Min(100, Published * 100 / Goal.Value) : null;
}
