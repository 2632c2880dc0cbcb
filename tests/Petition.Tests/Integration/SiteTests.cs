using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Petition.Data.Letters;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public class SiteTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task The_sample_letter_is_there_on_an_empty_database()
    {
        var letters = await app.Client().GetFromJsonAsync<JsonElement>("/api/letters");
        Assert.Contains(letters.GetProperty("items").EnumerateArray(), l => l.GetProperty("slug").GetString() == "upr-accountability");
        var page = await app.Client().GetDocumentAsync("/letters/upr-accountability");
        Assert.Contains("Universal Periodic Review", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("progress"));
        // No per-visitor token: the page is cached for everyone (docs/decisions/008-output-cache.md).
        Assert.NotNull(page.QuerySelector("form[method=post] button[type=submit]"));
    }

    [Fact]
    public async Task A_letters_markdown_cannot_put_script_on_the_page()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("xss"), l => l.Body = "Hello <script>alert(1)</script> [x](javascript:alert(2))");
        var html = await app.Client().GetStringAsync($"/letters/{letter.Slug}");
        Assert.DoesNotMatch("<script(?! src=\"/js/)", html); // the site's own scripts only
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task Unknown_and_draft_letters_are_404_on_pages_and_api()
    {
        var draft = await app.AddLetterAsync(Signer.Unique("draft"), l => l.Status = LetterStatus.Draft);
        var client = app.Client();
        foreach (var slug in new[] { "no-such-letter", draft.Slug })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/letters/{slug}")).StatusCode);
            var api = await client.GetAsync($"/api/letters/{slug}");
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            var sign = await client.SignByApiAsync(slug, Signer.ApiBody("Nobody", "nobody@example.org"));
            Assert.Equal(HttpStatusCode.NotFound, sign.StatusCode);
        }
    }

    [Fact]
    public async Task A_closed_letter_answers_409_and_shows_no_form()
    {
        var closed = await app.AddLetterAsync(Signer.Unique("closed"), l => l.Status = LetterStatus.Closed);
        var client = app.Client();
        var response = await client.SignByApiAsync(closed.Slug, Signer.ApiBody("Too Late", "late@example.org"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var page = await client.GetDocumentAsync($"/letters/{closed.Slug}");
        Assert.Null(page.QuerySelector("form[method=post]"));

        var notYet = await app.AddLetterAsync(Signer.Unique("later"), l => l.OpensAt = app.Clock.GetUtcNow().AddDays(1));
        // Before its opening time a letter is not public at all (decision 020): as unknown as a draft.
        Assert.Equal(HttpStatusCode.NotFound, (await client.SignByApiAsync(notYet.Slug, Signer.ApiBody("Early", "early@example.org"))).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"name\": 5, \"email\": []}")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string body)
    {
        var response = await app.Client().PostAsync("/api/letters/upr-accountability/signatures",
            new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_served()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/letters/{slug}/signatures", out _));
        Assert.True(paths.TryGetProperty("/api/letters/{slug}", out _));
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_404()
    {
        var response = await app.Client().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }
}
