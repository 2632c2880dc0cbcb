using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Moderation;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Seals;

/// <summary>
/// Each signature's credibility in words: confirmed email, an institutional address the signer agreed to show,
/// checked by the organisers (with how, seen by them only), added by the organisers. The list, the API and the
/// exports show it and filter by it, and the signed manifest counts each level.
/// </summary>
public class VerificationLevelTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<Signature> SignAndConfirmAsync(string slug, string name, string email, bool badge = false)
    {
        var body = Signer.ApiBody(name, email);
        body["showVerifiedBadge"] = badge;
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(slug, body)).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        return await app.Db(db => db.Signatures.SingleAsync(s => s.Letter.Slug == slug && s.Name == name));
    }

    [Fact]
    public async Task Each_level_shows_in_words_filters_the_list_and_is_counted_in_the_manifest()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("levels"));
        await app.ListDomainAsync("Médecins du Monde", $"mdm-{letter.Id}.org");
        var institutional = await SignAndConfirmAsync(letter.Slug, "Inès Institution", $"ines@mdm-{letter.Id}.org", badge: true);
        var quiet = await SignAndConfirmAsync(letter.Slug, "Quentin Quiet", $"quentin@mdm-{letter.Id}.org", badge: false);
        var checkedOne = await SignAndConfirmAsync(letter.Slug, "Chloé Checked", $"{Signer.Unique("c")}@example.org");
        await SignAndConfirmAsync(letter.Slug, "Eve Email", $"{Signer.Unique("e")}@example.org");
        Assert.Equal(Verification.Institutional, institutional.Verification);
        Assert.Equal(Verification.Email, quiet.Verification); // the domain is not told without the signer's consent

        // A moderator checks one by other means and says how; the note stays with the organisers.
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var url = $"/admin/letters/{letter.Slug}/signatures/{checkedOne.Id}";
        var page = await moderator.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.SubmitAsync(page, url, new Dictionary<string, string> { ["how"] = "Phoned her office in Geneva" },
            "form[action*='handler=Checked']")).StatusCode);
        Assert.Equal(Verification.Checked, await app.Db(db => db.Signatures.Where(s => s.Id == checkedOne.Id).Select(s => s.Verification).SingleAsync()));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.SignatureId == checkedOne.Id && a.Action == "signature.checked")));

        // The list and the API say each level; the note is nowhere public.
        var rows = (await app.Visitor().SignatoriesPageAsync(letter.Slug)).QuerySelectorAll("table.signatories tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Inès Institution") && r.Contains("Institutional email"));
        Assert.Contains(rows, r => r.Contains("Chloé Checked") && r.Contains("Checked by the organisers"));
        Assert.Contains(rows, r => r.Contains("Eve Email") && r.Contains("Email confirmed"));
        var api = await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        var levels = api.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("verification").GetString());
        Assert.Equal("checked", levels["Chloé Checked"]);
        Assert.Equal("institutional", levels["Inès Institution"]);
        Assert.Equal("email", levels["Quentin Quiet"]);
        Assert.DoesNotContain("Phoned", api.GetRawText());

        // Filtered by level, on the page and in the API; an unknown level is a clear error, not the whole list.
        var filtered = await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?verification=checked");
        Assert.Equal(["Chloé Checked"], filtered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var onPage = (await app.Visitor().SignatoriesPageAsync(letter.Slug, "?verification=institutional")).QuerySelectorAll("table.signatories tbody tr");
        Assert.Equal(["Inès Institution"], onPage.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        var bad = await app.Visitor().GetAsync($"/api/letters/{letter.Slug}/signatures?verification=famous");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);

        // The public CSV has the column; its signed manifest counts each level.
        var response = await app.Visitor().GetAsync($"/api/letters/{letter.Slug}/signatures.csv?bundle=true");
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        byte[] Read(string entry) { using var s = zip.GetEntry(entry)!.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); }
        var csv = Encoding.UTF8.GetString(Read(zip.Entries.Single(e => e.Name.EndsWith(".csv", StringComparison.Ordinal)).Name));
        Assert.Contains(",Verification,", csv.Split('\n')[0]);
        Assert.Contains(csv.Split('\n'), line => line.Contains("Chloé Checked") && line.Contains(",checked,"));
        using var manifest = JsonDocument.Parse(Read("manifest.json"));
        var counted = manifest.RootElement.GetProperty("levels");
        Assert.Equal(2, counted.GetProperty("email").GetInt32());
        Assert.Equal(1, counted.GetProperty("institutional").GetInt32());
        Assert.Equal(1, counted.GetProperty("checked").GetInt32());
        Assert.Equal(0, counted.GetProperty("imported").GetInt32());

        // Taking the check back returns the signature to its own level.
        page = await moderator.GetDocumentAsync(url);
        await moderator.SubmitAsync(page, url, new Dictionary<string, string> { ["how"] = "" }, "form[action*='handler=Checked']");
        Assert.Equal(Verification.Email, await app.Db(db => db.Signatures.Where(s => s.Id == checkedOne.Id).Select(s => s.Verification).SingleAsync()));
    }

    [Theory]
    [InlineData(SignatureSource.Form, null, false, null, Verification.Email)]
    [InlineData(SignatureSource.Form, "who.int", true, null, Verification.Institutional)]
    [InlineData(SignatureSource.Form, "who.int", false, null, Verification.Email)]
    [InlineData(SignatureSource.Import, null, false, null, Verification.Imported)]
    [InlineData(SignatureSource.Import, null, false, "met at the conference", Verification.Checked)]
    [InlineData(SignatureSource.Api, "who.int", true, "video call", Verification.Checked)]
    public void The_level_follows_from_the_facts(SignatureSource source, string? domain, bool badge, string? note, Verification expected) =>
        Assert.Equal(expected, Verifications.Of(new Signature
        {
            Name = "Anyone", Source = source, VerifiedDomain = domain, ShowVerifiedBadge = badge, CheckedNote = note,
        }));
}
