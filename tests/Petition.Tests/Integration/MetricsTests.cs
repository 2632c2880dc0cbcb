using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public partial class MetricsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task The_prometheus_scrape_shows_signatures_accepted_and_confirmed_moving()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("metrics"));
        var client = app.Client();
        var before = await ScrapeAsync(client);
        var email = $"{Signer.Unique("metrics")}@example.org";

        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Counted Signer", email));
        await client.SignByFormAsync(letter.Slug, Signer.FormValues("Form Signer", $"{Signer.Unique("form")}@example.org"));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));

        // Our counters move before the requests that move them answer; the test host does not cache scrapes.
        var after = await ScrapeAsync(client);
        Assert.True(Value(after, "petition_signatures_accepted_total", "api") >= Value(before, "petition_signatures_accepted_total", "api") + 1);
        Assert.True(Value(after, "petition_signatures_accepted_total", "form") >= Value(before, "petition_signatures_accepted_total", "form") + 1);
        Assert.True(Value(after, "petition_signatures_confirmed_total") >= Value(before, "petition_signatures_confirmed_total") + 1);
        Assert.Matches(@"(?m)^petition_outbox_depth(\{[^}]*\})? \d+", after);
        Assert.Matches(@"(?m)^petition_outbox_oldest_age_seconds(\{[^}]*\})? [\d.]+", after);
        // The framework records a request's duration after its response has gone: only that is waited for.
        await Eventually.HoldsAsync(async () => RequestDuration().IsMatch(await ScrapeAsync(client)), "a request duration in the scrape");
    }

    [Fact]
    public async Task Another_app_in_the_same_process_stopping_does_not_freeze_this_apps_figures()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("metrics"));
        var client = app.Client();
        await SignAndConfirmAsync(app, letter.Slug);

        await using (var other = await PetitionApp.StartAsync())
        {
            var otherLetter = await other.AddLetterAsync(Signer.Unique("other"));
            await SignAndConfirmAsync(other, otherLetter.Slug); // its own "Petition" meter, same names as ours
        }
        var before = await ScrapeAsync(client); // a collection after the other app's meter was disposed

        await SignAndConfirmAsync(app, letter.Slug);
        var after = await ScrapeAsync(client);
        Assert.Equal(Value(before, "petition_signatures_confirmed_total") + 1, Value(after, "petition_signatures_confirmed_total"));
    }

    static async Task SignAndConfirmAsync(PetitionApp host, string slug)
    {
        var email = $"{Signer.Unique("metrics")}@example.org";
        var client = host.Client();
        await client.SignByApiAsync(slug, Signer.ApiBody("Counted Signer", email));
        await client.ConfirmAsync(await host.ConfirmationPathAsync(email));
    }

    [Fact]
    public async Task Metrics_can_be_switched_off()
    {
        await using var quiet = await PetitionApp.StartAsync(settings: new() { ["Metrics:Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.NotFound, (await quiet.Client().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Only_the_allowed_networks_may_scrape()
    {
        await using (var local = await PetitionApp.StartOnSocketAsync())
        using (var client = new HttpClient { BaseAddress = new Uri(local.BaseUrl) })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode); // loopback, the default

        await using var elsewhere = await PetitionApp.StartOnSocketAsync(new() { ["Metrics:AllowedNetworks:0"] = "10.0.0.0/8" });
        using var outsider = new HttpClient { BaseAddress = new Uri(elsewhere.BaseUrl) };
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync("/healthz")).StatusCode);
    }

    static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A counter's value in the scrape, summed over its series (with the given source, when one is given).</summary>
    static double Value(string scrape, string name, string? source = null) =>
        Sample().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && (source is null || m.Groups["labels"].Value.Contains($"source=\"{source}\"")))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?m)^http_server_request_duration_seconds_bucket\{")]
    private static partial Regex RequestDuration();

    [GeneratedRegex(@"(?m)^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)")]
    private static partial Regex Sample();
}
