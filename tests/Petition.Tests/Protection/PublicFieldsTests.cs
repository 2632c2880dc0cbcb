using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Petition.Data.Letters;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Protection;

/// <summary>
/// What signers are told is published is what is: the sign form's listing choice, the privacy notice, the confirm
/// page, the public list, the API, the public CSV and the PDF all follow the letter's own public fields, a public
/// category and comment included, and nothing else (no language column nobody was told about).
/// </summary>
public class PublicFieldsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    Task<Letter> LetterAsync() => app.AddLetterAsync(Signer.Unique("fields"), l =>
    {
        l.Categories = ["Physician", "Lawyer"];
        l.Fields = l.Fields with
        {
            Title = new FieldRule(FieldMode.Optional, Public: false),
            Category = new FieldRule(FieldMode.Optional, Public: true),
            City = new FieldRule(FieldMode.Hidden, Public: true),
            Comment = new FieldRule(FieldMode.Optional, Public: true),
        };
    });

    [Fact]
    public async Task Every_place_a_signer_reads_or_the_public_sees_names_the_same_public_fields()
    {
        var letter = await LetterAsync();
        var email = $"{Signer.Unique("pf")}@example.org";
        var body = Signer.ApiBody("Amina Diallo", email, country: "SN");
        body["category"] = "Physician";
        body["comment"] = "For the detainees of 2024.";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug, body)).StatusCode);

        // The sign form's choice and the privacy notice name the letter's public fields, not a fixed list.
        var form = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("Yes, list my name with my organisation, category, country, comment",
            form.QuerySelector("label[for=Input_Listing_public]")!.TextContent.Trim());
        var privacy = (await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/privacy")).QuerySelector("main")!.TextContent;
        Assert.Contains("Your name is listed with your: organisation, category, country, comment.", privacy);
        Assert.Contains("Your title: seen by the organisers and moderators only.", privacy);

        // The confirm page says which of the signer's details will be public.
        var path = await app.ConfirmationPathAsync(email);
        var confirm = await app.Client().GetDocumentAsync(path);
        var details = confirm.QuerySelectorAll("dl.details dt").Select(dt => (dt.TextContent.Trim(), dt.NextElementSibling!.TextContent.Trim())).ToList();
        Assert.Contains(("Category", "Physician (public)"), details);
        Assert.Contains(("Title", "Professor of Medicine (organisers only)"), details);
        Assert.Contains(("Comment", "For the detainees of 2024. (public)"), details);
        Assert.DoesNotContain(details, d => d.Item1 == "City"); // not asked by this letter
        await app.Client().ConfirmAsync(path);
        app.Clock.Advance(TimeSpan.FromSeconds(10));

        // The list page: exactly these columns, the category shown, no language.
        var list = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/signatories");
        Assert.Equal(["Name", "Organisation", "Category", "Country", "Comment", "Verification"],
            list.QuerySelectorAll("table.signatories th").Select(th => th.TextContent.Trim()));
        var cells = list.QuerySelectorAll("table.signatories tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Amina Diallo", "University of Lagos", "Physician", "Senegal", "For the detainees of 2024.", "Email confirmed"], cells);

        // The API: the same fields, no language.
        var item = (await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures")).GetProperty("items")[0];
        Assert.Equal("Physician", item.GetProperty("category").GetString());
        Assert.Equal("For the detainees of 2024.", item.GetProperty("comment").GetString());
        Assert.False(item.TryGetProperty("language", out _));
        Assert.True(item.GetProperty("title").ValueKind == JsonValueKind.Null);

        // The public CSV and the PDF.
        var csv = await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures.csv");
        var header = csv.Split('\n')[0].Trim().TrimStart('\uFEFF');
        Assert.Equal("Name,Organisation,Category,Country code,Country,Comment,Verified at,Verification,Notable,Signed", header);
        var pdf = ExportFiles.PdfText(await app.Visitor().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf"));
        Assert.Contains("Physician", pdf);
        Assert.Contains("For the detainees of 2024.", pdf);
        Assert.DoesNotContain("Professor of Medicine", pdf);
    }

    [Fact]
    public async Task The_listing_choices_name_only_what_the_letter_publishes()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("bare"), l => l.Fields = l.Fields with
        {
            Title = new FieldRule(FieldMode.Hidden, Public: true),
            Organization = new FieldRule(FieldMode.Optional, Public: false),
            Country = new FieldRule(FieldMode.Optional, Public: false),
        });
        var form = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}");
        string? Choice(string value) => form.QuerySelector($"label[for=Input_Listing_{value}]")?.TextContent.Trim();
        Assert.Equal("Yes, list my name", Choice("public"));
        Assert.Equal("List only my initials", Choice("initials"));
        Assert.Equal("List my name only", Choice("name-and-country"));
    }
}
