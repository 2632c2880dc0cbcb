using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Signing;
using Petition.Web.Letters;

namespace Petition.Tests.Integration;

/// <summary>The app with a one-second output cache, so a test can wait out the staleness bound.</summary>
public class ShortCacheFixture : IAsyncLifetime
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    public PetitionApp App { get; private set; } = null!;
    public async Task InitializeAsync() =>
        App = await PetitionApp.StartAsync(settings: new() { ["OutputCache:MaxAge"] = MaxAge.ToString() });
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class OutputCacheTests(ShortCacheFixture fixture) : IClassFixture<ShortCacheFixture>
{
    readonly PetitionApp app = fixture.App;

    /// <summary>A visitor who arrives with no cookie, as most do when a letter goes viral.</summary>
    HttpClient NewVisitor() => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri("http://petition.test"),
    });

    [Fact]
    public async Task The_letter_page_is_served_from_the_cache_and_never_sets_a_cookie()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("cached"));
        var first = await NewVisitor().GetAsync($"/letters/{letter.Slug}");
        var second = await NewVisitor().GetAsync($"/letters/{letter.Slug}?utm_source=share");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), string.Join(";", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.True(second.Headers.Age.HasValue, "the second visitor should get the cached copy");
        Assert.Null((await second.ReadDocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_visitor_with_a_cookie_gets_a_page_rendered_for_them()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("cookie"));
        await NewVisitor().GetAsync($"/letters/{letter.Slug}");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/letters/{letter.Slug}");
        request.Headers.Add("Cookie", ".AspNetCore.Mvc.CookieTempDataProvider=x");
        var response = await NewVisitor().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Age.HasValue);
    }

    [Fact]
    public async Task The_form_on_a_cached_page_still_signs()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("cachedform"));
        var url = $"/letters/{letter.Slug}";
        await NewVisitor().GetAsync(url);
        var cached = await NewVisitor().GetAsync(url);
        Assert.True(cached.Headers.Age.HasValue);

        var email = $"{Signer.Unique("cached")}@example.org";
        var posted = await NewVisitor().SubmitAsync(await cached.ReadDocumentAsync(), url, Signer.FormValues("Cached Page", email));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/letters/{letter.Slug}/check-email", posted.Headers.Location?.OriginalString);
        await app.ConfirmationPathAsync(email);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://attacker.example")]
    [InlineData("Origin", "null")]
    public async Task A_form_posted_from_another_site_is_refused(string header, string value)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("csrf"));
        var url = $"/letters/{letter.Slug}";
        var page = await NewVisitor().GetDocumentAsync(url);
        var browser = NewVisitor();
        browser.DefaultRequestHeaders.Add(header, value);

        var posted = await browser.SubmitAsync(page, url, Signer.FormValues("Forged Post", $"{Signer.Unique("forged")}@example.org"));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(0, await app.SignatureCountAsync(letter.Slug));
    }

    [Fact]
    public async Task A_form_posted_from_this_site_is_accepted()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("samesite"));
        var url = $"/letters/{letter.Slug}";
        var page = await NewVisitor().GetDocumentAsync(url);
        var browser = NewVisitor();
        browser.DefaultRequestHeaders.Add("Origin", "http://petition.test");
        browser.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");

        var posted = await browser.SubmitAsync(page, url, Signer.FormValues("Same Site", $"{Signer.Unique("same")}@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await app.SignatureCountAsync(letter.Slug));
    }

    [Fact]
    public async Task A_confirmation_here_shows_at_once_on_the_page_the_api_and_the_count()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("evict"));
        var visitor = NewVisitor();
        Assert.Equal(0, await ApiCountAsync(visitor, letter.Slug));
        Assert.Equal(0, await CountEndpointAsync(visitor, letter.Slug));
        Assert.Equal("0", await PageCountAsync(visitor, letter.Slug));
        Assert.Equal(0, await ListedCountAsync(visitor, letter.Slug));

        var email = $"{Signer.Unique("evict")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Evicting Signer", email));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));

        Assert.Equal(1, await ApiCountAsync(visitor, letter.Slug));
        Assert.Equal(1, await CountEndpointAsync(visitor, letter.Slug));
        Assert.Equal("1", await PageCountAsync(visitor, letter.Slug));
        Assert.Equal(1, await ListedCountAsync(visitor, letter.Slug));
    }

    [Fact]
    public async Task A_change_made_by_another_instance_shows_within_the_max_age()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("stale"));
        var visitor = NewVisitor();
        Assert.Equal(0, await CountEndpointAsync(visitor, letter.Slug));
        Assert.Equal("0", await PageCountAsync(visitor, letter.Slug));

        // Written straight to the database, as another instance would: nothing here evicts the cache.
        await app.Db(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var signature = new Signature
            {
                LetterId = letter.Id, LetterVersion = 1, State = SignatureState.Published, Source = SignatureSource.Api,
                Name = "Elsewhere", Email = "elsewhere@example.org", EmailHash = "elsewhere@example.org",
                ListPublicly = true, CreatedAt = now, ConfirmedAt = now, PublishedAt = now,
            };
            db.Signatures.Add(signature);
            await db.SaveChangesAsync();
        });
        // The counter's age runs on the app's clock; the output cache's own max age (a second here) on the wall clock.
        // A count keeps longer than MaxAge when the last ones took long (LongestAge at most): on the shared fake
        // clock, another test's advance during a count looks like a count that took long.
        app.Clock.Advance(SignatureCounter.LongestAge);
        await Eventually.HoldsAsync(async () => await CountEndpointAsync(visitor, letter.Slug) == 1 && await PageCountAsync(visitor, letter.Slug) == "1",
            "the count catching up after the cache's max age");
    }

    [Fact]
    public async Task The_count_endpoint_answers_the_published_count_or_404()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("count"));
        var response = await NewVisitor().GetAsync($"/api/letters/{letter.Slug}/count");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"signatureCount":0}""", await response.Content.ReadAsStringAsync());

        var missing = await NewVisitor().GetAsync("/api/letters/no-such-letter/count");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_post_is_never_answered_from_the_cache()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("nopost"));
        var url = $"/letters/{letter.Slug}";
        var page = await NewVisitor().GetDocumentAsync(url);
        var invalid = await NewVisitor().SubmitAsync(page, url, Signer.FormValues("", "not-an-email"));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.NotNull((await invalid.ReadDocumentAsync()).QuerySelector("#Input_Email_error"));

        var again = await NewVisitor().GetAsync(url);
        Assert.Null((await again.ReadDocumentAsync()).QuerySelector("#Input_Email_error"));
    }

    [Fact]
    public async Task A_burst_of_confirmations_shows_on_the_cached_page_and_count_within_a_second()
    {
        // Cached for a minute, longer than the test: the page catching up is the eviction's doing.
        await using var app = await PetitionApp.StartAsync(settings: new() { ["OutputCache:MaxAge"] = "00:01:00" });
        var letter = await app.AddLetterAsync(Signer.Unique("burst"));
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal("0", await PageCountAsync(visitor, letter.Slug));
        var emails = Enumerable.Range(0, 5).Select(i => $"{Signer.Unique($"burst{i}")}@example.org").ToList();
        foreach (var email in emails)
            await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Bursting Signer", email));
        var paths = new List<string>();
        foreach (var email in emails)
            paths.Add(await app.ConfirmationPathAsync(email));

        foreach (var path in paths)
            await app.Client().ConfirmAsync(path);

        // The first confirmation evicted at once; the others share one eviction a second later, on the app's clock.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(async () => await PageCountAsync(visitor, letter.Slug) == "5" && await CountEndpointAsync(visitor, letter.Slug) == 5,
            "the burst on the letter page and count");
    }

    static async Task<int> ApiCountAsync(HttpClient client, string slug) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/letters/{slug}")).GetProperty("signatureCount").GetInt32();

    static async Task<int> CountEndpointAsync(HttpClient client, string slug) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/letters/{slug}/count")).GetProperty("signatureCount").GetInt32();

    static async Task<int> ListedCountAsync(HttpClient client, string slug) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/letters")).GetProperty("items").EnumerateArray()
            .Single(l => l.GetProperty("slug").GetString() == slug).GetProperty("signatureCount").GetInt32();

    static async Task<string> PageCountAsync(HttpClient client, string slug) =>
        (await client.GetDocumentAsync($"/letters/{slug}")).QuerySelector(".tally .count strong")!.TextContent;
}
