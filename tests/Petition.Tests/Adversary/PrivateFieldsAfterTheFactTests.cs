using System.Net.Http.Json;
using System.Text.Json;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// A city given as "organisers only", then the organiser ticks "public": the earlier signer's city stays private on
/// the list, the API, the exports and a filter; a signer after the change is published with theirs.
/// </summary>
public class PrivateFieldsAfterTheFactTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task A_field_made_public_later_publishes_only_what_was_given_after()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("after"), l => l.Fields = l.Fields with { City = new FieldRule(FieldMode.Optional, Public: false) });
        var client = app.Client();
        async Task SignAsync(string name, string city)
        {
            var email = $"{Signer.Unique("city")}@example.org";
            var body = Signer.ApiBody(name, email);
            body["city"] = city;
            await client.SignByApiAsync(letter.Slug, body);
            await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        }
        await SignAsync("Before Change", "Secretville");

        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var url = $"/admin/letters/{letter.Slug}/edit";
        var page = await admin.GetDocumentAsync(url);
        Assert.Contains("applies to signatures given from then on", System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("#public-fields-hint")!.TextContent, @"\s+", " "));
        await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.Fields.City.Public"] = "true" }, "form[method=post]:not(.staff-menu)");

        var saved = await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Letters, l => l.Id == letter.Id));
        Assert.True(saved.Fields.City.Published, System.Text.Json.JsonSerializer.Serialize(saved.Fields));
        Assert.NotNull(saved.Fields.City.PublicSince);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SignAsync("After Change", "Openville");

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        var cities = api.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("city").GetString());
        Assert.Null(cities["Before Change"]);
        Assert.Equal("Openville", cities["After Change"]);

        var html = await (await client.GetAsync($"/letters/{letter.Slug}/signatories")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Secretville", html);
        foreach (var format in new[] { "csv", "json" })
        {
            var file = await (await client.GetAsync($"/api/letters/{letter.Slug}/signatures.{format}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Secretville", file);
            Assert.Contains("Openville", file);
        }
    }
}
