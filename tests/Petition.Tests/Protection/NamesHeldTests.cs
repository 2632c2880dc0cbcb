using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Protection;

/// <summary>
/// An organiser holds the names back while the letter gathers support: the count shows, no name is on any page, API
/// or download until the date or until the organiser publishes them; the list asks search engines not to index it.
/// </summary>
public class NamesHeldTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task SignAsync(Letter letter, string name)
    {
        var email = $"{Signer.Unique("held")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody(name, email));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
    }

    [Fact]
    public async Task Held_names_appear_nowhere_until_the_organiser_publishes_them_and_the_count_shows_all_along()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("held"), l => l.NamesHeld = true);
        await SignAsync(letter, "Nadia Heldback");
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var visitor = app.Visitor();

        var api = await visitor.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        Assert.Empty(api.GetProperty("items").EnumerateArray());
        Assert.True(api.GetProperty("namesHeld").GetBoolean());
        Assert.Equal(1, (await visitor.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/count")).GetProperty("signatureCount").GetInt32());
        var page = await visitor.GetDocumentAsync($"/letters/{letter.Slug}/signatories");
        Assert.NotNull(page.QuerySelector("#names-held"));
        Assert.DoesNotContain("Nadia", page.Body!.TextContent);
        Assert.DoesNotContain("Nadia", await visitor.GetStringAsync($"/letters/{letter.Slug}"));
        Assert.DoesNotContain("Nadia", await visitor.GetStringAsync($"/api/letters/{letter.Slug}/signatures.csv"));
        Assert.DoesNotContain("Nadia", await visitor.GetStringAsync($"/api/letters/{letter.Slug}/signatures.json"));

        // The organiser publishes them from the editor.
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var edit = $"/admin/letters/{letter.Slug}/edit";
        var form = await admin.GetDocumentAsync(edit);
        Assert.True(form.QuerySelector("#Input_NamesHeld")!.HasAttribute("checked"));
        var saved = await admin.SubmitAsync(form, edit, new Dictionary<string, string> { ["Input.NamesHeld"] = "false" },
            "form[method=post]:not(.staff-menu):not([action*='NotifySigners'])");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.NamesHeld).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains("Nadia Heldback", await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures"));
        Assert.Contains("Nadia Heldback", await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures.csv"));
    }

    [Fact]
    public async Task Names_held_until_a_date_appear_on_that_date()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("held-date"), l => l.NamesHeldUntil = app.Clock.GetUtcNow().AddDays(3));
        await SignAsync(letter, "Omar Ondate");
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Omar", await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures"));
        var page = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/signatories");
        Assert.NotNull(page.QuerySelector("#names-held"));
        Assert.NotNull((await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/privacy")).QuerySelector("#names-held-notice"));

        app.Clock.Advance(TimeSpan.FromDays(3));
        // A new query: the answer above may still be in the two-second output cache, which runs on real time.
        Assert.Contains("Omar Ondate", await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures?limit=20"));
    }

    [Fact]
    public async Task The_list_asks_search_engines_not_to_index_it_unless_the_organiser_chose_otherwise()
    {
        var quiet = await app.AddLetterAsync(Signer.Unique("noindex"));
        foreach (var path in new[] { $"/letters/{quiet.Slug}/signatories", $"/api/letters/{quiet.Slug}/signatures", $"/api/letters/{quiet.Slug}/signatures.csv" })
        {
            var response = await app.Visitor().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        }
        var open = await app.AddLetterAsync(Signer.Unique("indexed"), l => l.IndexSignatories = true);
        Assert.False((await app.Visitor().GetAsync($"/letters/{open.Slug}/signatories")).Headers.Contains("X-Robots-Tag"));
    }
}
