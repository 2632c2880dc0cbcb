namespace Petition.Web.Admin.Review;

/// <summary>The reasons a moderator picks from; a note in their own words may follow.</summary>
public static class RejectionReasons
{
    public static readonly IReadOnlyList<string> All =
    [
        "Fake or implausible name",
        "Duplicate of another signature",
        "Mass or automated signing",
        "Signed in someone else's name",
        "Offensive or abusive content",
        "Outside the letter's scope",
        "Other",
    ];

    public static string? Combine(string? choice, string? note)
    {
        choice = string.IsNullOrWhiteSpace(choice) ? null : choice.Trim();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var text = choice is null ? note : note is null ? choice : $"{choice}: {note}";
        return text is { Length: > 1000 } ? text[..1000] : text;
    }
}
