using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Recipients;

namespace Petition.Web.Recipients;

/// <summary>One recipient as the public sees them: the answer's status and date always, its text only when public.</summary>
public record PublicResponse(int Id, string Name, string? Country, string? Organisation, string Language, AnswerStatus Status, DateOnly? AnsweredOn,
    string? Text, DocumentInfo? Document = null)
{
    /// <summary>Where the public downloads the answer's document (only a public answer has one to show).</summary>
    public string DocumentPath(string slug) => $"/letters/{Uri.EscapeDataString(slug)}/responses/{Id}/document";

    public bool Answered => Status != AnswerStatus.None;
}

/// <summary>A letter's recipients and what each did with it; the counts are of every recipient, whatever the filter.</summary>
public record Responses(int Recipients, IReadOnlyDictionary<AnswerStatus, int> ByStatus, IReadOnlyList<PublicResponse> Items)
{
    /// <summary>When the letter was first delivered, and to how many of its recipients in all; null before.</summary>
    public DateTimeOffset? DeliveredOn { get; init; }
    public int DeliveredTo { get; init; }

    /// <summary>Whether the letter page has a responses section: once delivered, or once an answer is recorded.</summary>
    public bool Any => AnyAnswer || DeliveredOn is not null;

    public int Count(AnswerStatus status) => ByStatus.GetValueOrDefault(status);

    /// <summary>Whether there is anything to tell the public yet: an answer recorded.</summary>
    public bool AnyAnswer => Recipients > Count(AnswerStatus.None);

    /// <summary>The statuses some recipient is at, in the order of the enum: the summary's phrases.</summary>
    public IEnumerable<AnswerStatus> Reached => LetterResponses.Statuses.Where(s => s != AnswerStatus.None && Count(s) > 0);

    public static readonly Responses Empty = new(0, new Dictionary<AnswerStatus, int>(), []);
}

/// <summary>
/// What the letter page, its responses page and the API show of the recipients' answers: one query and one rule
/// for what is public, so none of them can show a private text.
/// </summary>
public class LetterResponses(PetitionDbContext db, AnswerDocuments documents)
{
    public static readonly AnswerStatus[] Statuses = Enum.GetValues<AnswerStatus>();

    public async Task<Responses> GetAsync(int letterId, AnswerStatus? status, CancellationToken cancellationToken)
    {
        // The answer's text is sealed, so the rows are loaded whole and opened (a letter has hundreds, not millions).
        var recipients = await db.Recipients.AsNoTracking().Where(r => r.LetterId == letterId).ToListAsync(cancellationToken);
        var byStatus = recipients.GroupBy(r => r.AnswerStatus).ToDictionary(g => g.Key, g => g.Count());
        // A document shows with a public answer only, as its text does.
        var shown = await documents.InfoAsync(recipients.Where(r => r.AnswerPublic).Select(r => r.Id).ToList(), cancellationToken);
        var items = recipients.Where(r => status is null || r.AnswerStatus == status)
            // Answers first, the latest on top; then the rest by name.
            .OrderBy(r => r.AnswerStatus == AnswerStatus.None).ThenByDescending(r => r.AnsweredOn).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new PublicResponse(r.Id, r.Name, r.Country, r.Organisation, r.Language, r.AnswerStatus, r.AnsweredOn,
                r.AnswerPublic ? r.AnswerText : null, shown.GetValueOrDefault(r.Id)))
            .ToList();
        var deliveries = db.Deliveries.Where(d => d.LetterId == letterId);
        var responses = new Responses(recipients.Count, byStatus, items)
        {
            DeliveredOn = await deliveries.OrderBy(d => d.Number).Select(d => (DateTimeOffset?)d.CreatedAt).FirstOrDefaultAsync(cancellationToken),
            DeliveredTo = await db.DeliveryPacks.Where(p => deliveries.Any(d => d.Id == p.DeliveryId)).Select(p => p.RecipientId).Distinct().CountAsync(cancellationToken),
        };
        // Whom the organisers mean to deliver to is their plan until they deliver: before the first delivery or the
        // first answer, the page, its responses page and the API show no recipient at all.
        return responses.Any ? responses : Responses.Empty;
    }

    /// <summary>A status as the API and the filter's query string spell it: "replied", "committed-to-act".</summary>
    public static string Word(AnswerStatus status) => status switch
    {
        AnswerStatus.CommittedToAct => "committed-to-act",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static AnswerStatus? Parse(string? word) => Statuses.Cast<AnswerStatus?>().FirstOrDefault(s => Word(s!.Value) == word?.Trim().ToLowerInvariant());
}
