using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Sharing;

public class EmbedHostsEditorTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task An_admin_lists_the_partner_sites_that_may_embed_a_letter_one_origin_per_line()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("partners"));
        var url = $"/admin/letters/{letter.Slug}/edit";

        var refused = await client.SubmitAsync(await client.GetDocumentAsync(url), url,
            new Dictionary<string, string> { ["Input.EmbedHosts"] = "https://partner.example\nhttps://partner.example/campaign" },
            "form[method=post]:not(.staff-menu)");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("such as https://partner.example", (await refused.ReadDocumentAsync()).QuerySelector(".field-error")!.TextContent);
        Assert.Empty(await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.EmbedHosts).SingleAsync()));

        var saved = await client.SubmitAsync(await client.GetDocumentAsync(url), url,
            new Dictionary<string, string> { ["Input.EmbedHosts"] = "https://Partner.Example/\r\n\r\nhttp://localhost:8080\r\nhttps://partner.example" },
            "form[method=post]:not(.staff-menu)");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["https://partner.example", "http://localhost:8080"],
            await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.EmbedHosts).SingleAsync()));

        var embed = await app.Client().GetAsync($"/letters/{letter.Slug}/embed");
        Assert.Contains("frame-ancestors 'self' https://partner.example http://localhost:8080", embed.Headers.GetValues("Content-Security-Policy").Single());
    }
}
