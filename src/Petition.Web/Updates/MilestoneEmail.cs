using Microsoft.Extensions.Options;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Web.Site;

namespace Petition.Web.Updates;

/// <summary>
/// Tells the organisers, at their contact address (<see cref="Organiser.Email"/>), that a milestone was reached. In
/// English, as the console is: it is written to the organisers, not to the public. None without a contact address.
/// </summary>
public class MilestoneEmail(IOptions<SiteOptions> site)
{
    public OutboxMessage? For(Letter letter, int milestone, int count, DateTimeOffset now)
    {
        if (letter.Organiser.Email is not { Length: > 0 } to)
            return null;
        var body = $"""
            The open letter "{letter.Title}" has reached {milestone:N0} signatures ({count:N0} counted now).

            The letter: {site.Value.Link($"/letters/{letter.Slug}")}
            Its timeline: {site.Value.Link($"/letters/{letter.Slug}/versions")}
            The console: {site.Value.Link($"/admin/letters/{letter.Slug}")}
            """;
        return new OutboxMessage
        {
            ToAddress = to, ToName = letter.Organiser.Name ?? "", Subject = $"Milestone reached: {milestone:N0} signatures on \"{letter.Title}\"",
            TextBody = body, CreatedAt = now, NextAttemptAt = now,
        };
    }
}
