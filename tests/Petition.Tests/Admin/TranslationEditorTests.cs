using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Admin;

public class TranslationEditorTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    const string TranslationForm = "form[method=post]:not(.staff-menu):not([action*='handler='])";

    [Fact]
    public async Task An_admin_translates_a_letter_and_Spanish_readers_see_it_at_once()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("tr"));
        var url = $"/admin/letters/{letter.Slug}/translations";
        var reader = app.Client();
        Assert.Equal(letter.Title, (await reader.GetDocumentAsync($"/letters/{letter.Slug}?culture=es")).QuerySelector("h1")!.TextContent);

        var page = await client.GetDocumentAsync(url);
        Assert.Contains("Français (fr)", page.QuerySelector("table.admin-table")!.TextContent); // the sample's own translation
        var saved = await client.SubmitAsync(page, url, new Dictionary<string, string>
        {
            ["Input.Language"] = "es", ["Input.Title"] = "Hagan las preguntas difíciles",
            ["Input.Body"] = "Excelencias:\n\nLes pedimos **que pregunten**.",
        }, TranslationForm);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var spanish = await reader.GetDocumentAsync($"/letters/{letter.Slug}?culture=es");
        Assert.Equal("Hagan las preguntas difíciles", spanish.QuerySelector("h1")!.TextContent);
        Assert.Equal("que pregunten", spanish.QuerySelector(".letter-body strong")!.TextContent);
        Assert.Equal(["English", "Español", "Français"],
            spanish.QuerySelectorAll(".letter-languages li").Select(li => li.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(e => e.LetterId == letter.Id && e.Action == AuditActions.LetterTranslated)));

        var removed = await client.PostHandlerAsync(url, "Delete", which: f => f.QuerySelector("input[value=es]") is not null);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(letter.Title, (await reader.GetDocumentAsync($"/letters/{letter.Slug}?culture=es")).QuerySelector("h1")!.TextContent);
        Assert.True(await app.Db(db => db.Audit.AnyAsync(e => e.LetterId == letter.Id && e.Action == AuditActions.LetterTranslationRemoved)));
    }

    [Fact]
    public async Task A_translation_without_text_or_in_the_original_language_is_refused()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("trbad"));
        var url = $"/admin/letters/{letter.Slug}/translations";
        var page = await client.GetDocumentAsync(url);
        var refused = await (await client.SubmitAsync(page, url, new Dictionary<string, string>
            { ["Input.Language"] = "en", ["Input.Title"] = "", ["Input.Body"] = "" }, TranslationForm)).ReadDocumentAsync();
        var summary = refused.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("written in this language already", summary);
        Assert.Contains("Enter the translated title.", summary);
        Assert.Equal(1, await app.Db(db => db.LetterTranslations.CountAsync(t => t.LetterId == letter.Id)));
    }

    [Fact]
    public async Task A_translation_saved_before_the_current_version_is_marked_out_of_date_until_it_is_saved_again()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("trold")); // with the sample's French, saved with version 1
        var reader = app.Client();
        var translations = $"/admin/letters/{letter.Slug}/translations";
        async Task<string?> FrenchNotice() =>
            (await reader.GetDocumentAsync($"/letters/{letter.Slug}?culture=fr")).QuerySelector("article .notice")?.TextContent;
        async Task<bool> MarkedInConsole() =>
            (await client.GetDocumentAsync(translations)).QuerySelector("table.admin-table tbody tr .out-of-date") is not null;
        Assert.Null(await FrenchNotice());
        Assert.False(await MarkedInConsole());

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var edit = $"/admin/letters/{letter.Slug}/edit";
        await client.SubmitAsync(await client.GetDocumentAsync(edit), edit, new Dictionary<string, string>
            { ["Input.Body"] = letter.Body + "\n\nA new closing paragraph." }, "form[method=post]:not(.staff-menu)");

        var french = await reader.GetDocumentAsync($"/letters/{letter.Slug}?culture=fr");
        var notice = french.QuerySelector("article .notice")!;
        Assert.Contains("Cette traduction a été rédigée pour une version antérieure de la lettre", notice.TextContent);
        Assert.Equal($"/letters/{letter.Slug}?culture=en", notice.QuerySelector("a[hreflang=en]")!.GetAttribute("href"));
        Assert.Null((await reader.GetDocumentAsync($"/letters/{letter.Slug}")).QuerySelector("article .notice"));
        Assert.True(await MarkedInConsole());
        Assert.Contains("out of date", (await client.GetDocumentAsync(translations)).QuerySelector("table.admin-table tbody tr")!.TextContent);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var page = await client.GetDocumentAsync($"{translations}?language=fr");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, translations, formSelector: TranslationForm)).StatusCode);
        Assert.Null(await FrenchNotice());
        Assert.False(await MarkedInConsole());
    }
}
