using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Caching;

/// <summary>
/// Debian's nginx with <c>proxy_cache</c> (as deploy/nginx.conf ships it) in front of two instances on one
/// PostgreSQL database: a crowd of readers costs the instances one render, and a new signature still shows.
/// </summary>
public sealed class NginxCacheTests : IAsyncLifetime
{
    PetitionApp first = null!;
    PetitionApp second = null!;
    NginxProxy proxy = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.PostgresAsync();
        first = await PetitionApp.StartOnSocketAsync(database: database);
        second = await PetitionApp.StartOnSocketAsync(database: new TestDatabase { Provider = "Postgres", ConnectionString = database.ConnectionString, KeyFile = database.KeyFile });
        proxy = await NginxProxy.StartAsync([first.BaseUrl, second.BaseUrl]);
    }

    public async Task DisposeAsync()
    {
        await proxy.DisposeAsync();
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Two_hundred_readers_at_once_cost_each_instance_at_most_one_render()
    {
        using var readers = new HttpClient { BaseAddress = new Uri(proxy.BaseUrl) };
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => readers.GetAsync("/letters/upr-accountability")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var rendered = first.Reached.GetValueOrDefault("/letters/upr-accountability") + second.Reached.GetValueOrDefault("/letters/upr-accountability");
        // One render per max-age (5 s): two if the crowd happened to straddle an expiry, never one per reader.
        Assert.InRange(rendered, 1, 2);
        Assert.Contains(responses, r => r.Headers.TryGetValues("X-Cache", out var v) && v.Contains("HIT"));
    }

    [Fact]
    public async Task A_confirmation_shows_in_the_count_through_the_proxy_within_twice_the_max_age()
    {
        using var reader = new HttpClient { BaseAddress = new Uri(proxy.BaseUrl) };
        var before = await CountAsync(reader);
        var email = $"{Signer.Unique("cdn")}@example.org";
        var client = first.Client();
        await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Through The Proxy", email));
        // Either instance's dispatcher may send it: both poll the one outbox.
        await client.ConfirmAsync(await Signer.ConfirmationPathAsync([first, second], email));

        // s-maxage (5 s), then at most one stale answer while the proxy fetches the next: the README says 10 s.
        // The proxy's expiry runs on its own (real) clock: asked again until it shows.
        // Each instance counts on its own (fake) clock: the other one recounts once that clock has moved on.
        await Eventually.HoldsAsync(async () =>
        {
            first.Clock.Advance(TimeSpan.FromSeconds(5));
            second.Clock.Advance(TimeSpan.FromSeconds(5));
            return await CountAsync(reader) == before + 1;
        }, "the new count through the proxy");
    }

    static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/letters/upr-accountability/count")).GetProperty("signatureCount").GetInt32();
}
