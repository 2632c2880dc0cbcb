using Microsoft.AspNetCore.Mvc.ModelBinding;
using Petition.Data.Recipients;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Recipients;

/// <summary>A recipient's answer as the organiser records it.</summary>
public class AnswerForm
{
    public const int MaxText = 20_000;

    public AnswerStatus Status { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? Text { get; set; }
    public bool Public { get; set; }

    public static AnswerForm Of(Recipient r) => new() { Status = r.AnswerStatus, AnsweredOn = r.AnsweredOn, Text = r.AnswerText, Public = r.AnswerPublic };

    /// <summary>Copies what is wrong into the page's ModelState, under <paramref name="prefix"/>.</summary>
    public bool Check(ModelStateDictionary state, string prefix, DateTimeOffset now)
    {
        if (AnsweredOn is { } on && on > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
            state.AddModelError($"{prefix}.{nameof(AnsweredOn)}", "The answer's date is in the future.");
        if (Text is { Length: > MaxText } || !TextRules.IsClean(Text, allowLineBreaks: true))
            state.AddModelError($"{prefix}.{nameof(Text)}", $"The text must be plain text of at most {MaxText:N0} characters.");
        if (Status == AnswerStatus.None && !string.IsNullOrWhiteSpace(Text))
            state.AddModelError($"{prefix}.{nameof(Status)}", "Choose what the recipient did: a text is recorded with an answer.");
        return state.IsValid;
    }
}
