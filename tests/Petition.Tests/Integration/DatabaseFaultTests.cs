using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>
/// PostgreSQL going away under the app: requests fail fast with 503 (problem+json for the API, the friendly page for
/// people), /healthz says 503, and the app recovers by itself when the database is back.
/// </summary>
public class DatabaseFaultTests
{
    static readonly TimeSpan Fast = TimeSpan.FromSeconds(4);

    static Dictionary<string, string?> Settings(string? seed = "true") => new()
    {
        ["Database:ConnectTimeout"] = "00:00:01",
        ["Database:SeedSampleLetter"] = seed,
    };

    [Fact]
    public async Task With_no_server_at_all_every_request_answers_503_quickly()
    {
        var closedPort = DatabaseGate.Open("127.0.0.1", 1);
        await closedPort.DisposeAsync(); // a port nothing listens on
        var database = new TestDatabase
        {
            Provider = "Postgres",
            ConnectionString = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresBase) { Port = closedPort.Port, Database = "none" }.ConnectionString,
        };
        await using var app = await PetitionApp.StartAsync(database, new(Settings(seed: "false")) { ["Database:MigrateOnStart"] = "false" });
        var client = app.Client();

        var api = await TimedAsync(() => client.GetAsync("/api/letters/upr-accountability/signatures"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);

        var sign = await TimedAsync(() => client.SignByApiAsync("upr-accountability", Signer.ApiBody("Down Time", "down@example.org")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sign.StatusCode);

        var page = await TimedAsync(() => client.GetAsync("/letters/upr-accountability"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Temporarily unavailable", (await page.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => client.GetAsync("/healthz"))).StatusCode);
    }

    [Fact]
    public async Task When_the_database_goes_away_and_comes_back_the_app_follows_by_itself()
    {
        await using var gated = await GatedDatabase.CreateAsync();
        var gate = gated.Gate;
        await using var app = await PetitionApp.StartAsync(gated.ThroughGate, Settings());
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(List())).StatusCode);
        // A signer who opened their link just before, and presses confirm while the database is away.
        var signer = $"{Signer.Unique("pressed")}@example.org";
        await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Pressed Meanwhile", signer));
        var link = await app.ConfirmationPathAsync(signer);
        var form = await client.GetDocumentAsync(link);

        gate.Close();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => client.GetAsync(List()))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => client.GetAsync("/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => client.SubmitAsync(form, link))).StatusCode);

        gate.Hang();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => client.GetAsync(List()))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => client.GetAsync("/healthz"))).StatusCode);

        gate.Reopen();
        await Eventually.HoldsAsync(async () => (await client.GetAsync(List())).StatusCode == HttpStatusCode.OK, "recovery without a restart");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var email = $"{Signer.Unique("back")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Back Again", email))).StatusCode);
        // The press that met the outage left nothing half done: the same press, again, confirms.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, link)).StatusCode);
        Assert.Equal(SignatureState.Published, await app.Db(db => db.Signatures
            .Where(s => s.Name == "Pressed Meanwhile").Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task Under_load_a_database_that_hangs_means_fast_503s_for_signers_and_readers_then_recovery()
    {
        await using var gated = await GatedDatabase.CreateAsync();
        var gate = gated.Gate;
        await using var app = await PetitionApp.StartAsync(gated.ThroughGate, new(Settings()) { ["RateLimiting:Enabled"] = "false" });
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync("upr-accountability",
            Signer.ApiBody("Before", $"{Signer.Unique("before")}@example.org"))).StatusCode);

        // Twenty signers and twenty readers at once, against a server that accepts connections and never answers.
        gate.Hang();
        var load = Enumerable.Range(0, 40).Select(i => TimedAsync(() => i % 2 == 0
            ? client.SignByApiAsync("upr-accountability", Signer.ApiBody("Under Load", $"{Signer.Unique("load")}@example.org"))
            : client.GetAsync(List())));
        Assert.All(await Task.WhenAll(load), r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await TimedAsync(() => client.GetAsync("/healthz"))).StatusCode);

        gate.Reopen();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "recovery without a restart");
        // Twenty signers at once, each doing what the 503's Retry-After asks: a connection the outage left broken
        // may fail one attempt right after recovery (seen on busy machines), never the signer.
        var signs = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var body = Signer.ApiBody("After", $"{Signer.Unique("after")}@example.org");
            for (var attempt = 1; ; attempt++)
            {
                var response = await client.SignByApiAsync("upr-accountability", body);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 3)
                    return response;
            }
        }));
        Assert.All(signs, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
    }

    static int listRequests;

    /// <summary>The public list with a query key of its own, so that the output cache never answers in the database's place.</summary>
    static string List() => $"/api/letters/upr-accountability/signatures?n={Interlocked.Increment(ref listRequests)}";

    static async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> request)
    {
        var clock = Stopwatch.StartNew();
        var response = await request();
        Assert.True(clock.Elapsed < Fast, $"answered in {clock.Elapsed.TotalSeconds:0.0} s; it should fail fast");
        return response;
    }

    /// <summary>A fresh PostgreSQL database, and the same database reached through a gate the test can close.</summary>
    sealed class GatedDatabase : IAsyncDisposable
    {
        public required DatabaseGate Gate { get; init; }
        public required TestDatabase Database { get; init; }
        public required TestDatabase ThroughGate { get; init; }

        public static async Task<GatedDatabase> CreateAsync()
        {
            var real = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresBase);
            var gate = DatabaseGate.Open(real.Host!, real.Port);
            var database = await TestDatabase.PostgresAsync();
            return new GatedDatabase
            {
                Gate = gate,
                Database = database,
                ThroughGate = new TestDatabase
                {
                    Provider = "Postgres",
                    ConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = gate.Port }.ConnectionString,
                },
            };
        }

        public async ValueTask DisposeAsync()
        {
            await Database.DisposeAsync();
            await Gate.DisposeAsync();
        }
    }
}
