using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Admin;

public class ReviewQueueBulkTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task An_admin_who_finds_a_signer_by_address_decides_over_that_filter_the_number_its_button_showed()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.PreModeratedLetterAsync("by-address");
        var email = $"{Signer.Unique("found")}@example.org";
        await app.SignaturesAsync(letter, 1, SignatureState.AwaitingReview, configure: (s, _) => (s.Name, s.EmailHash) = ("Found By Address", app.AddressHash(email)));
        await app.SignaturesAsync(letter, 3, SignatureState.AwaitingReview);

        var url = Console.Queue(letter.Slug, $"?q={Uri.EscapeDataString(email)}&state=AwaitingReview");
        var page = await admin.GetDocumentAsync(url);
        Assert.Contains("1 matching", page.QuerySelector(".total")!.TextContent);
        var decide = page.QuerySelector("form[action*='handler=Decide']")!;
        Assert.EndsWith("expected=1", page.QuerySelector("button[value=approve-filter]")!.GetAttribute("formaction"));
        decide.SetAttribute("action", Console.Queue(letter.Slug, "?handler=Decide&expected=1"));
        var response = await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["command"] = "approve-filter" }, "form[action*='handler=Decide']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("changed since", (await admin.GetDocumentAsync(url)).Body!.TextContent);

        var states = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => new { s.Name, s.State }).ToListAsync());
        Assert.Equal(SignatureState.Published, states.Single(s => s.Name == "Found By Address").State);
        Assert.Equal(3, states.Count(s => s.State == SignatureState.AwaitingReview));
    }

    [Fact]
    public async Task A_bulk_reject_over_a_filter_of_1000_signatures_is_one_request_with_an_audit_entry_for_each()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.PreModeratedLetterAsync("bulk");
        await app.SignaturesAsync(letter, 1000, domain: "spam.example");
        var good = await app.SignaturesAsync(letter, 5, domain: "university.example");

        var url = Console.Queue(letter.Slug, "?domain=spam.example&state=AwaitingReview");
        var page = await client.GetDocumentAsync(url);
        Assert.Contains("1,000 matching", page.QuerySelector(".total")!.TextContent);

        var response = await client.PostHandlerAsync(url, "Decide", new Dictionary<string, string>
            { ["command"] = "reject-filter", ["reason"] = "Mass or automated signing", ["agreed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("domain=spam.example", response.Headers.Location!.OriginalString);

        var states = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id)
            .GroupBy(s => s.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(1000, states[SignatureState.Rejected]);
        Assert.Equal(5, states[SignatureState.AwaitingReview]);
        var entries = await app.Db(db => db.Audit.Where(e => e.LetterId == letter.Id && e.Action == AuditActions.SignatureRejected).ToListAsync());
        Assert.Equal(1000, entries.Count);
        Assert.Equal(1000, entries.Select(e => e.SignatureId).Distinct().Count());
        Assert.All(entries, e => Assert.Contains("bulk of 1000", e.Detail));
        Assert.DoesNotContain(entries, e => good.Any(g => g.Id == e.SignatureId));
    }

    [Fact]
    public async Task The_queue_filters_by_state_country_category_domain_date_and_search_and_approves_a_selection()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.PreModeratedLetterAsync("filters");
        var rows = await app.SignaturesAsync(letter, 4, configure: (s, i) =>
        {
            s.Name = $"Person {i}";
            s.Country = i % 2 == 0 ? "FR" : "DE";
            s.Category = i == 0 ? "Physician" : "Nurse or health worker";
            s.Organization = i == 1 ? "Charité" : "Clinic";
        });
        async Task<List<string>> Names(string query) =>
            (await client.GetDocumentAsync(Console.Queue(letter.Slug, query))).QuerySelectorAll("table.queue tbody tr td:nth-child(2) a")
                .Select(a => a.TextContent).ToList();

        Assert.Equal(4, (await Names("?state=AwaitingReview")).Count);
        Assert.Equal(["Person 0", "Person 2"], (await Names("?country=FR&sort=Name")));
        Assert.Equal(["Person 0"], await Names("?category=Physician"));
        Assert.Equal(["Person 1"], await Names("?q=charit%C3%A9"));
        Assert.Equal(4, (await Names("?domain=example.org")).Count);
        Assert.Empty(await Names("?domain=other.org"));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(["Person 0", "Person 1"], await Names($"?from={now.AddSeconds(-1):yyyy-MM-ddTHH:mm:ss}&sort=Name"));

        var response = await client.PostHandlerAsync(Console.Queue(letter.Slug, "?sort=Name"), "Decide", new Dictionary<string, string>
            { ["command"] = "approve-selected", ["ids"] = rows[2].Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SignatureState.Published, (await app.SignatureAsync(rows[2].Id)).State);
        Assert.Equal(SignatureState.AwaitingReview, (await app.SignatureAsync(rows[1].Id)).State);
    }

    [Fact]
    public async Task A_date_that_is_not_one_lists_nothing_says_why_and_a_decision_over_the_filter_decides_nothing()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.PreModeratedLetterAsync("bad-date");
        await app.SignaturesAsync(letter, 3);
        var url = Console.Queue(letter.Slug, "?from=2026-11-31&state=AwaitingReview");

        var page = await client.GetDocumentAsync(url);
        Assert.Equal("2026-11-31", page.QuerySelector("#from")!.GetAttribute("value"));
        Assert.Contains("\"2026-11-31\" is not a date", page.QuerySelector("#from-error")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("table.queue tbody tr"));
        Assert.Contains("Nothing is listed", page.QuerySelector(".total")!.TextContent);

        var response = await client.PostHandlerAsync(url, "Decide", new Dictionary<string, string>
            { ["command"] = "reject-filter", ["reason"] = "Mass or automated signing", ["agreed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("from=2026-11-31", response.Headers.Location!.OriginalString);
        Assert.Equal(3, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id && s.State == SignatureState.AwaitingReview)));
        Assert.Contains("nothing was decided", (await client.GetDocumentAsync(response.Headers.Location.OriginalString)).Body!.TextContent);
    }
}
