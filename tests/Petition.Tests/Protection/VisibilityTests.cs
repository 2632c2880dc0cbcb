using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Protection;

/// <summary>
/// Each signer chooses how visible they are: the public list, the API, the downloads and even the clear columns of
/// the database hold exactly what the chosen level shows; the manage page changes it at once; a letter offers only
/// the levels its organisers chose.
/// </summary>
public class VisibilityTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<string> SignAndConfirmAsync(Letter letter, string name, string visibility)
    {
        var email = $"{Signer.Unique("vis")}@example.org";
        var body = Signer.ApiBody(name, email, country: "CA");
        body["visibility"] = visibility;
        body["organization"] = "Toronto General";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug, body)).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        return email;
    }

    static async Task<List<JsonElement>> ListAsync(HttpClient client, string slug) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/letters/{slug}/signatures")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Each_level_shows_exactly_its_part_everywhere_the_public_looks_and_the_database_holds_no_more()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("levels"));
        await SignAndConfirmAsync(letter, "Jane Wanjiru", "full");
        await SignAndConfirmAsync(letter, "Kofi Mensah", "name-and-country");
        await SignAndConfirmAsync(letter, "Ama Serwaa Boateng", "initials");
        var counted = await SignAndConfirmAsync(letter, "Yaw Counted-Only", "counted");
        app.Clock.Advance(TimeSpan.FromSeconds(10));

        var items = await ListAsync(app.Visitor(), letter.Slug);
        string? Field(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var byName = items.ToDictionary(e => Field(e, "name")!);
        Assert.Equal(3, byName.Count);
        Assert.Equal(("Professor of Medicine", "Toronto General", "CA"), (Field(byName["Jane Wanjiru"], "title"), Field(byName["Jane Wanjiru"], "organization"), Field(byName["Jane Wanjiru"], "country")));
        Assert.Equal((null, null, "CA"), (Field(byName["Kofi Mensah"], "title"), Field(byName["Kofi Mensah"], "organization"), Field(byName["Kofi Mensah"], "country")));
        Assert.Equal(("Professor of Medicine", null, "CA"), (Field(byName["A. S. B."], "title"), Field(byName["A. S. B."], "organization"), Field(byName["A. S. B."], "country")));

        var count = await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/count");
        Assert.Equal(4, count.GetProperty("signatureCount").GetInt32());

        var csv = await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures.csv");
        Assert.Contains("A. S. B.", csv);
        Assert.DoesNotContain("Ama Serwaa", csv);
        Assert.DoesNotContain("Yaw", csv);
        Assert.DoesNotContain("Kofi Mensah,Professor", csv);

        // What the database holds in the clear is what the list shows; the rest only sealed.
        var clear = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id)
            .Select(s => new { s.Name, s.Title, s.Organization, s.Country, s.SearchText }).ToListAsync());
        Assert.DoesNotContain(clear, c => c.Name.Contains("Ama") || c.Name.Contains("Yaw") || c.SearchText.Contains("serwaa"));
        Assert.Single(clear, c => c.Organization == "Toronto General");
        var whole = await app.Db(db => db.Signatures.SingleAsync(s => s.EmailHash == app.AddressHash(counted)));
        Assert.Equal(("Yaw Counted-Only", "Toronto General", Visibility.Counted), (whole.Name, whole.Organization, whole.Visibility));
    }

    [Fact]
    public async Task The_signer_changes_the_level_from_the_manage_page_and_it_takes_effect_at_once()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("level-change"), l => l.ModerationMode = ModerationMode.Pre);
        var email = $"{Signer.Unique("change")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Lerato Nkosi", email));
        var message = await app.Smtp.WaitForAsync(email);
        await app.Client().ConfirmAsync(Signer.ConfirmPathIn(message));
        await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SignatureState.Published).SetProperty(x => x.PublishedAt, app.Clock.GetUtcNow())));
        Assert.Single(await ListAsync(app.Visitor(), letter.Slug));

        var client = app.Client();
        var manage = Signer.ManagePathIn(message);
        var page = await client.GetDocumentAsync(manage);
        Assert.NotNull(page.QuerySelector("#Input_Listing_initials"));
        var saved = await client.SubmitAsync(page, manage, new Dictionary<string, string> { ["Input.Listing"] = "initials" },
            "form[method=post]:has(#Input_Name)");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(10));

        var item = Assert.Single(await ListAsync(app.Visitor(), letter.Slug));
        Assert.Equal("L. N.", item.GetProperty("name").GetString());
        Assert.Equal(SignatureState.Published, await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.State).SingleAsync()));

        page = await client.GetDocumentAsync(manage);
        await client.SubmitAsync(page, manage, new Dictionary<string, string> { ["Input.Listing"] = "private" }, "form[method=post]:has(#Input_Name)");
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(await ListAsync(app.Visitor(), letter.Slug));
    }

    [Fact]
    public async Task A_letter_offers_only_the_levels_its_organisers_chose()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("offered"), l => l.Fields = l.Fields with { Visibilities = "initials counted" });
        var form = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal(["initials", "private"], form.QuerySelectorAll("input[name='Input.Listing']").Select(i => i.GetAttribute("value")!).ToArray());

        var body = Signer.ApiBody("Thabo Full", $"{Signer.Unique("refused")}@example.org");
        body["visibility"] = "full";
        var refused = await app.Client().SignByApiAsync(letter.Slug, body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("visibility", (await refused.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);

        // Without a level, "listed" means the most the letter offers.
        var email = $"{Signer.Unique("default")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Thabo Default", email));
        await app.DrainOutboxAsync();
        Assert.Equal(Visibility.Initials, (await app.Db(db => db.Signatures.SingleAsync(s => s.EmailHash == app.AddressHash(email)))).Visibility);
    }

    [Fact]
    public void Initials_take_the_first_letter_of_each_part_in_any_script()
    {
        Assert.Equal("J. W.", Visibilities.Initials("Jane Wanjiru"));
        Assert.Equal("J. P. S.", Visibilities.Initials("Jean-Paul Sartre"));
        Assert.Equal("张.", Visibilities.Initials("张伟"));
        Assert.Equal("É. Z.", Visibilities.Initials("  Émile  Zola "));
    }
}
