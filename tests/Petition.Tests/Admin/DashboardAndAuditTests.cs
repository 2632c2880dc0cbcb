using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Admin;

public class DashboardAndAuditTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task The_dashboard_counts_states_and_draws_the_days_as_svg()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.PreModeratedLetterAsync("dash");
        await app.SignaturesAsync(letter, 3);
        await app.SignaturesAsync(letter, 2, SignatureState.Published);
        var page = await client.GetDocumentAsync($"/admin/letters/{letter.Slug}");
        Assert.Equal("3", page.QuerySelector("#count-AwaitingReview")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#count-Published")!.TextContent);
        Assert.Equal("3", page.QuerySelector("#queue-size")!.TextContent);
        Assert.Equal(30, page.QuerySelectorAll("svg.chart rect").Length);
        Assert.Contains(page.QuerySelectorAll("svg.chart title"), t => t.TextContent.EndsWith(": 5"));
        Assert.NotNull(page.QuerySelector("#outbox-pending"));
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task A_burst_from_one_domain_is_flagged_and_its_link_filters_the_queue_to_it()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.PreModeratedLetterAsync("signals");
        var now = app.Clock.GetUtcNow();
        await app.SignaturesAsync(letter, 12, domain: "burst.example", network: "net-1", configure: (s, _) => s.CreatedAt = now);
        await app.SignaturesAsync(letter, 2, domain: "quiet.example");
        var page = await client.GetDocumentAsync($"/admin/letters/{letter.Slug}/signals");
        var spikes = page.QuerySelectorAll("tr.spike").Select(r => r.TextContent).ToList();
        Assert.Equal(2, spikes.Count); // the domain and the network
        Assert.Contains(spikes, s => s.Contains("burst.example"));
        Assert.DoesNotContain(spikes, s => s.Contains("quiet.example"));

        var link = page.QuerySelectorAll("tr.spike a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("domain=burst.example"));
        var queue = await client.GetDocumentAsync(link);
        Assert.Contains("12 matching", queue.QuerySelector(".total")!.TextContent);

        // The other click: reject the burst straight from the signals page.
        var rejected = await client.PostHandlerAsync($"/admin/letters/{letter.Slug}/signals", "Decide",
            new Dictionary<string, string> { ["command"] = "reject-filter" }, // what the pressed button sends
            which: f => f.QuerySelector("input[name=domain][value='burst.example']") is not null);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(12, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id && s.State == SignatureState.Rejected)));
        Assert.Equal(2, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id && s.State == SignatureState.AwaitingReview)));
    }

    [Fact]
    public async Task Admins_read_and_filter_the_audit_log_which_offers_no_way_to_change_it()
    {
        var moderatorAccount = await app.CreateModeratorAsync();
        var moderator = await app.SignInAsync(moderatorAccount);
        var letter = await app.PreModeratedLetterAsync("audit");
        var row = (await app.SignaturesAsync(letter, 1))[0];
        await moderator.PostHandlerAsync(Console.SignaturePage(letter.Slug, row.Id), "Hidden");

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/admin/audit")).StatusCode);
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var log = await admin.GetDocumentAsync($"/admin/audit?letter={letter.Slug}&actor={Uri.EscapeDataString(moderatorAccount.Email)}");
        var rows = log.QuerySelectorAll("table.audit tbody tr");
        Assert.Single(rows);
        Assert.Contains("signature.hidden", rows[0].TextContent);
        Assert.Empty(log.QuerySelectorAll("main form[method=post]"));
        var post = await admin.PostAsync("/admin/audit", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }
}
