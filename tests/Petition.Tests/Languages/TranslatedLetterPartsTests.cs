using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Languages;

/// <summary>
/// A translated letter leaves nothing of the organisers' own words in the original language: the "addressed to" line
/// and the category choices read in the reader's language, while what is stored stays one value for every language.
/// </summary>
public class TranslatedLetterPartsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task The_recipients_line_and_the_categories_read_in_the_translation_and_store_the_original()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("parts"), l =>
        {
            l.Recipients = "The Permanent Missions";
            l.Categories = ["Physician", "Lawyer"];
            l.Fields = l.Fields with { Category = new FieldRule(FieldMode.Optional, Public: true) };
            foreach (var t in l.Translations.ToList())
                l.Translations.Remove(t);
        });
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var url = $"/admin/letters/{letter.Slug}/translations";
        var values = new Dictionary<string, string>
        {
            ["Input.Language"] = "fr", ["Input.Title"] = "Lettre", ["Input.Body"] = "Texte.",
            ["Input.Recipients"] = "Les missions permanentes", ["Input.Categories"] = "Médecin",
        };

        // One label per original category, or none: a short list is refused and nothing is saved.
        var refused = await (await admin.SubmitAsync(await admin.GetDocumentAsync(url), url, values, "form[method=post][novalidate]")).ReadDocumentAsync();
        Assert.Contains("one translated category per line", refused.QuerySelector("#Input_Categories")!.ParentElement!.TextContent);
        Assert.Equal("Médecin", refused.QuerySelector("#Input_Categories")!.TextContent);
        Assert.False(await app.Db(db => db.LetterTranslations.AnyAsync(t => t.LetterId == letter.Id)));

        values["Input.Categories"] = "Médecin\nAvocat";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetDocumentAsync(url), url, values, "form[method=post][novalidate]")).StatusCode);

        var french = app.Visitor("fr");
        var page = await french.GetDocumentAsync($"/letters/{letter.Slug}?culture=fr");
        Assert.Equal("Les missions permanentes", page.QuerySelector(".recipients span[lang]")!.TextContent);
        var options = page.QuerySelectorAll("#Input_Category option").Skip(1).Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();
        Assert.Equal([("Physician", "Médecin"), ("Lawyer", "Avocat")], options);

        var email = $"{Signer.Unique("fr")}@example.org";
        var body = Signer.ApiBody("Claire Dubois", email);
        body["category"] = "Physician";
        await app.Client().SignByApiAsync(letter.Slug, body);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var list = await french.GetDocumentAsync($"/letters/{letter.Slug}/signatories?culture=fr");
        Assert.Contains("Médecin", list.QuerySelector("table.signatories tbody")!.TextContent);
        var english = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/signatories");
        Assert.Contains("Physician", english.QuerySelector("table.signatories tbody")!.TextContent);
        var pdf = Exports.ExportFiles.PdfText(await app.Visitor().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf?language=fr"));
        Assert.Contains("Les missions permanentes", pdf);
        Assert.Contains("Médecin", pdf);
    }
}
