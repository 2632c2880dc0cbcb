using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// A letter scheduled to open on the day of the review must not leak before it: a journalist, or the government it
/// addresses, who guesses the slug finds nothing anywhere until the opening time, exactly as for a draft.
/// </summary>
public class FutureLetterTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    static string[] PublicRoutes(string slug) =>
    [
        $"/letters/{slug}", $"/letters/{slug}/signatories", $"/letters/{slug}/embed", $"/letters/{slug}/versions",
        $"/letters/{slug}/privacy", $"/letters/{slug}/share.png", $"/api/letters/{slug}", $"/api/letters/{slug}/count",
        $"/api/letters/{slug}/signatures", $"/api/letters/{slug}/signatures.csv",
    ];

    [Fact]
    public async Task Before_its_opening_time_a_letter_is_not_found_anywhere_and_then_it_is()
    {
        var opensAt = app.Clock.GetUtcNow().AddDays(1);
        var letter = await app.AddLetterAsync(Signer.Unique("future"), l => l.OpensAt = opensAt);
        var client = app.Client();

        foreach (var route in PublicRoutes(letter.Slug))
            Assert.True((await client.GetAsync(route)).StatusCode == HttpStatusCode.NotFound, $"{route} answered before the letter opened");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/letters");
        Assert.DoesNotContain(letter.Slug, list.GetRawText());
        var home = await client.GetAsync("/");
        Assert.DoesNotContain(letter.Slug, home.Headers.Location?.OriginalString ?? await home.Content.ReadAsStringAsync());
        var sign = await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Too Early", $"{Signer.Unique("early")}@example.org"));
        Assert.Equal(HttpStatusCode.NotFound, sign.StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/letters/{letter.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/letters/{letter.Slug}/count")).StatusCode);
    }

    [Fact]
    public async Task The_organisers_private_preview_link_shows_it_read_only_and_not_indexed_and_a_forged_one_does_not()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("preview"), l => l.OpensAt = app.Clock.GetUtcNow().AddDays(3));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var preview = (await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}")).QuerySelector("#preview-link")!.GetAttribute("href")!;

        var stranger = app.Client();
        var response = await stranger.GetAsync(preview);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        var page = await response.ReadDocumentAsync();
        Assert.Contains(letter.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("form[method=post]"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(preview[..^3] + "xyz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/letters/{letter.Slug}")).StatusCode);
    }
}
