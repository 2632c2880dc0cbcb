using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Recipients;

/// <summary>The organisers record answers; the letter page, its responses page and the API show what is public, on each provider.</summary>
public abstract class ResponsesTests(PetitionApp app)
{
    async Task<(HttpClient Admin, Letter Letter, Dictionary<string, int> Ids)> LetterWithMissionsAsync()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("answers"));
        var (csv, _) = RecipientPages.Missions($"{Signer.Unique("un")}.example", count: 6);
        var preview = await admin.PreviewRecipientsAsync(letter.Slug, csv);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitRecipientsAsync(preview, letter.Slug)).StatusCode);
        var ids = await app.Db(db => db.Recipients.Where(r => r.LetterId == letter.Id).ToDictionaryAsync(r => r.Country!, r => r.Id));
        return (admin, letter, ids);
    }

    [Fact]
    public async Task A_recorded_answer_shows_at_once_with_its_text_only_when_public_and_the_api_serves_the_same()
    {
        var (admin, letter, ids) = await LetterWithMissionsAsync();
        var visitor = app.Visitor();
        // Nothing delivered or answered yet: no responses section, and the page is now in the output cache; whom the
        // organisers mean to write to is theirs to tell, so the responses page and the API name no recipient either.
        Assert.Null((await visitor.GetDocumentAsync($"/letters/{letter.Slug}")).QuerySelector("#responses"));
        Assert.Empty((await visitor.GetDocumentAsync($"/letters/{letter.Slug}/responses")).QuerySelectorAll("tbody tr"));
        var before = await visitor.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/responses?status=none");
        Assert.Equal(0, before.GetProperty("recipients").GetInt32());
        Assert.DoesNotContain("Andorra", before.ToString());

        Assert.Equal(HttpStatusCode.Redirect, (await admin.RecordAnswerAsync(letter, ids["AD"], "Replied", "2026-11-20",
            "Andorra supports a review of the recommendations.", isPublic: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.RecordAnswerAsync(letter, ids["AE"], "CommittedToAct", "2026-11-21",
            "A private note: the mission will raise it in Geneva.", isPublic: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.RecordAnswerAsync(letter, ids["AF"], "Acknowledged", "", "", isPublic: false)).StatusCode);

        var section = (await visitor.GetDocumentAsync($"/letters/{letter.Slug}")).QuerySelector("#responses")!;
        var summary = section.QuerySelector(".responses-summary")!.TextContent;
        foreach (var phrase in new[] { "Addressed to 6 recipients", "1 acknowledged", "1 replied", "1 committed to act" })
            Assert.Contains(phrase, summary);
        Assert.DoesNotContain("declined", summary);
        var rows = section.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length); // the answered ones, the latest first
        Assert.Contains("Permanent Mission of United Arab Emirates", rows[0].TextContent);
        Assert.Contains("Not made public", rows[0].TextContent);
        Assert.Contains("Andorra supports a review", rows[1].TextContent);
        Assert.Contains("20 November 2026", rows[1].TextContent);
        Assert.DoesNotContain("A private note", section.TextContent);

        var replied = await visitor.GetDocumentAsync($"/letters/{letter.Slug}/responses?status=replied");
        Assert.Single(replied.QuerySelectorAll("tbody tr"));
        Assert.Equal("page", replied.QuerySelector(".responses-filter a[href$='status=replied']")!.GetAttribute("aria-current"));
        Assert.Equal(6, (await visitor.GetDocumentAsync($"/letters/{letter.Slug}/responses")).QuerySelectorAll("tbody tr").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/letters/{letter.Slug}/responses?status=maybe")).StatusCode);

        var api = await visitor.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/responses");
        Assert.Equal(6, api.GetProperty("recipients").GetInt32());
        Assert.Equal(1, api.GetProperty("answers").GetProperty("committed-to-act").GetInt32());
        Assert.Equal(3, api.GetProperty("answers").GetProperty("none").GetInt32());
        var items = api.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, items.Count);
        var andorra = items.Single(i => i.GetProperty("country").GetString() == "AD");
        Assert.Equal(("replied", "2026-11-20", "Andorra"), (andorra.GetProperty("status").GetString(), andorra.GetProperty("answeredOn").GetString(), andorra.GetProperty("countryName").GetString()));
        Assert.Equal("Andorra supports a review of the recommendations.", andorra.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, items.Single(i => i.GetProperty("country").GetString() == "AE").GetProperty("text").ValueKind);
        Assert.DoesNotContain("A private note", api.GetRawText());
        var onlyAcknowledged = await visitor.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/responses?status=acknowledged");
        Assert.Single(onlyAcknowledged.GetProperty("items").EnumerateArray());

        var unknown = await visitor.GetAsync($"/api/letters/{letter.Slug}/responses?status=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        var missing = await visitor.GetAsync("/api/letters/no-such-letter/responses");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);

        // Each answer recorded is audited, the private text never written there.
        var audit = await app.Db(db => db.Audit.Where(a => a.LetterId == letter.Id && a.Action == AuditActions.RecipientAnswerRecorded).ToListAsync());
        Assert.Equal(3, audit.Count);
        Assert.DoesNotContain(audit, a => (a.After + a.Detail).Contains("private note"));

        // Made private later, the text leaves the page at once.
        await admin.RecordAnswerAsync(letter, ids["AD"], "Replied", "2026-11-20", "Andorra supports a review of the recommendations.", isPublic: false);
        Assert.DoesNotContain("Andorra supports", (await visitor.GetDocumentAsync($"/letters/{letter.Slug}")).QuerySelector("#responses")!.TextContent);
    }

    [Fact]
    public async Task An_answer_with_a_text_needs_a_status_and_a_date_cannot_be_in_the_future()
    {
        var (admin, letter, ids) = await LetterWithMissionsAsync();
        var response = await admin.RecordAnswerAsync(letter, ids["AD"], "None", "2027-06-01", "Some text", isPublic: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("The answer's date is in the future.", errors);
        Assert.Contains("Choose what the recipient did", errors);
        Assert.False(await app.Db(db => db.Recipients.AnyAsync(r => r.LetterId == letter.Id && r.AnswerRecordedAt != null)));
    }
}

[Collection(SqliteRecipients.Name)]
public class SqliteResponsesTests(SqliteFixture fixture) : ResponsesTests(fixture.App);

[Collection(PostgresRecipients.Name)]
public class PostgresResponsesTests(PostgresFixture fixture) : ResponsesTests(fixture.App);
