using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public class RateLimitTests
{
    static Task<PetitionApp> StartAsync(Dictionary<string, string?> limits) =>
        PetitionApp.StartAsync(settings: new Dictionary<string, string?>(limits) { ["RateLimiting:Enabled"] = "true" });

    [Fact]
    public async Task Signing_too_often_from_one_address_gets_429_with_retry_after()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:SignPerMinutePerAddress"] = "2" });
        var client = app.Client();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Quick Signer", $"q{i}@example.org"))).StatusCode);

        var api = await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Quick Signer", "q9@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var form = await client.SignByFormAsync("upr-accountability", Signer.FormValues("Form Signer", "form@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("Too many requests", (await form.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);

        // Reading is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/letters/upr-accountability")).StatusCode);
        Assert.Equal(2, await app.SignatureCountAsync("upr-accountability"));
    }

    [Fact]
    public async Task Downloading_the_whole_list_too_often_gets_429_while_the_list_pages_stay_open()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:ExportPerMinutePerAddress"] = "2" });
        var client = app.Client();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/letters/upr-accountability/signatures.csv")).StatusCode);
        var refused = await client.GetAsync("/api/letters/upr-accountability/signatures.pdf");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/letters/upr-accountability/signatures")).StatusCode);
    }

    [Fact]
    public async Task One_email_domain_cannot_flood_a_letter()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:SignPerMinutePerEmailDomain"] = "3" });
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Bulk Signer", $"bulk{i}@throwaway.example"))).StatusCode);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Other Domain", "x@other.example"))).StatusCode);
    }
}

public class RobotTests
{
    [Fact]
    public async Task A_filled_honeypot_a_too_fast_or_a_forged_form_is_sent_back_to_be_sent_again_and_stores_nothing()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Signing:MinimumFillTime"] = "00:00:03" });
        var client = app.Client();
        // A letter each: the letter page is cached, and each case needs a page rendered at its own moment.
        async Task<(string Slug, AngleSharp.Html.Dom.IHtmlDocument Page)> FreshPageAsync()
        {
            var letter = await app.AddLetterAsync(Signer.Unique("robots"));
            return (letter.Slug, await client.GetDocumentAsync($"/letters/{letter.Slug}"));
        }

        var (trapSlug, trapPage) = await FreshPageAsync();
        var trap = Signer.FormValues("Robot One", "robot1@example.org");
        trap["Input.Website"] = "http://spam.example";
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var trapped = await client.SubmitAsync(trapPage, $"/letters/{trapSlug}", trap);

        var (fastSlug, fastPage) = await FreshPageAsync();
        var fast = await client.SubmitAsync(fastPage, $"/letters/{fastSlug}", Signer.FormValues("Robot Two", "robot2@example.org"));

        var (forgedSlug, forgedPage) = await FreshPageAsync();
        var forged = Signer.FormValues("Robot Three", "robot3@example.org");
        forged["Input.Started"] = "forged";
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var forgedResponse = await client.SubmitAsync(forgedPage, $"/letters/{forgedSlug}", forged);

        foreach (var (response, slug) in new[] { (trapped, trapSlug), (fast, fastSlug), (forgedResponse, forgedSlug) })
        {
            // Told, never dropped in silence (decision 019): the form again, with a message.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("sent by a person", (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
            Assert.Equal(0, await app.SignatureCountAsync(slug));
        }
        Assert.Equal(0, await app.Db(db => db.Outbox.CountAsync()));

        var (humanSlug, humanPage) = await FreshPageAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await client.SubmitAsync(humanPage, $"/letters/{humanSlug}", Signer.FormValues("Real Person", "person@example.org"));
        Assert.Equal(1, await app.SignatureCountAsync(humanSlug));
    }
}

public class SecurityHeaderTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Theory]
    [InlineData("/letters/upr-accountability")]
    [InlineData("/letters/upr-accountability/signatories")]
    [InlineData("/privacy")]
    [InlineData("/api/letters")]
    public async Task Pages_forbid_other_hosts_inline_script_and_framing(string path)
    {
        var response = await fixture.App.Client().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Form_cookies_are_http_only_and_same_site()
    {
        var app = fixture.App;
        var email = $"{Signer.Unique("cookie")}@example.org";
        await app.Client().SignByApiAsync("upr-accountability", Signer.ApiBody("Cookie Eater", email));
        var response = await app.Client().GetAsync(await app.ConfirmationPathAsync(email));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery"));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        Assert.Contains("samesite=strict", cookie.ToLowerInvariant());
    }
}
