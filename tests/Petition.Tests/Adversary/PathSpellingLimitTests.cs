using System.Net;
using System.Net.Http.Json;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// One client, every spelling of a limited URL that routing still sends to the same handler: the limit is the
/// endpoint's, so the spellings share one budget. Rate limits on, as shipped, on a real socket.
/// </summary>
public class PathSpellingLimitTests
{
    static Task<PetitionApp> StartAsync(Dictionary<string, string?> limits) =>
        PetitionApp.StartOnSocketAsync(new(limits) { ["RateLimiting:Enabled"] = "true" });

    [Fact]
    public async Task Signing_through_the_api_by_any_spelling_spends_one_budget()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:SignPerMinutePerAddress"] = "3" });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        string[] spellings =
        [
            "/api/letters/upr-accountability/signatures", "/api/letters/upr-accountability/signatures/",
            "/API/Letters/upr-accountability/Signatures", "/api/letters/upr-accountability/%73ignatures",
            "/api/letters/upr-accountability/signatures?x=1", "/api/letters/upr-accountability/signatures//",
        ];
        var statuses = new List<HttpStatusCode>();
        foreach (var (path, i) in spellings.Concat(spellings).Select((p, i) => (p, i)))
            statuses.Add((await client.PostAsJsonAsync(path, Signer.ApiBody("Spelled Signer", $"spelled-{i}-{Guid.NewGuid():N}@example.org"))).StatusCode);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Accepted), s => Assert.True(s is HttpStatusCode.TooManyRequests or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, s.ToString()));
        Assert.True(app.Smtp.Received.Count <= 3, $"{app.Smtp.Received.Count} emails went out");
    }

    [Fact]
    public async Task Signing_through_the_form_by_any_spelling_spends_one_budget()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:SignPerMinutePerAddress"] = "2" });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var accepted = 0;
        foreach (var (path, i) in new[] { "/letters/upr-accountability", "/letters/upr-accountability/", "/LETTERS/upr-accountability",
                     "/letters/upr-accountability?", "/letters/%75pr-accountability" }.Select((p, i) => (p, i)))
        {
            var form = new FormUrlEncodedContent(Signer.FormValues("Form Spelling", $"form-{i}-{Guid.NewGuid():N}@example.org"));
            var response = await client.PostAsync(path, form);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
                accepted++;
        }
        Assert.Equal(2, accepted);
    }

    [Fact]
    public async Task Public_downloads_by_any_spelling_spend_one_budget()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:ExportPerMinutePerAddress"] = "2" });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/letters/upr-accountability/signatures.csv", "/api/letters/upr-accountability/signatures.CSV",
                     "/API/letters/upr-accountability/signatures.json/", "/api/letters/upr-accountability/signatures.%63sv",
                     "/api/letters/upr-accountability/signatures.xlsx?country=" })
            statuses.Add((await client.GetAsync(path)).StatusCode);
        Assert.Equal(2, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task An_ipv6_client_is_one_client_across_its_64_and_another_64_is_another()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:SignPerMinutePerAddress"] = "2" });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        async Task<HttpStatusCode> SignFrom(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/letters/upr-accountability/signatures")
            {
                Content = JsonContent.Create(Signer.ApiBody("Six Signer", $"six-{Guid.NewGuid():N}@example.org")),
            };
            // Loopback is the trusted proxy by default: the client is the forwarded address, as behind nginx.
            request.Headers.Add("X-Forwarded-For", address);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Accepted, await SignFrom("2001:db8:1:2::1"));
        Assert.Equal(HttpStatusCode.Accepted, await SignFrom("2001:db8:1:2:aaaa::2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignFrom("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.Equal(HttpStatusCode.Accepted, await SignFrom("2001:db8:1:3::1"));
    }

    [Fact]
    public async Task Walking_the_public_list_is_limited_per_client()
    {
        await using var app = await StartAsync(new() { ["RateLimiting:ListPerMinutePerAddress"] = "3" });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync($"/letters/upr-accountability/signatories?q=name{i}")).StatusCode);
            statuses.Add((await client.GetAsync($"/api/letters/upr-accountability/signatures?q=name{i}")).StatusCode);
        }
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
