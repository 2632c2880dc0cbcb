using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// A signer who read the letter in French signed the French text: correcting that translation afterwards makes the
/// letter's next version, and the PDF and the versions page still show the French they signed.
/// </summary>
public class SignedTranslationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    const string TranslationForm = "form[method=post]:not(.staff-menu):not([action*='handler='])";
    const string Corrected = "Posez les questions difficiles (texte corrigé)";

    /// <summary>A letter with the sample's French translation and its first version, as the editor makes them.</summary>
    Task<Letter> LetterAsync(string prefix, bool french = true) => app.AddLetterAsync(Signer.Unique(prefix), l =>
    {
        if (!french)
            l.Translations.Clear();
        l.Versions.Add(new LetterVersion { Version = 1, Title = l.Title, Body = l.Body, CreatedAt = l.CreatedAt });
    });

    async Task SaveTranslationAsync(HttpClient admin, Letter letter, string language, string title, string body)
    {
        var url = $"/admin/letters/{letter.Slug}/translations";
        var page = await admin.GetDocumentAsync($"{url}?language={language}");
        var saved = await admin.SubmitAsync(page, url, new Dictionary<string, string>
            { ["Input.Language"] = language, ["Input.Title"] = title, ["Input.Body"] = body }, TranslationForm);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    Task SignInAsync(string language, Letter letter) =>
        app.Visitor(language).SignByApiAsync(letter.Slug, Signer.ApiBody($"Signer {language}", $"{Signer.Unique(language)}@example.org"));

    async Task<string> PdfAsync(Letter letter, string query) =>
        ExportFiles.PdfText(await app.Visitor().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf?{query}"));

    [Fact]
    public async Task Correcting_a_translation_someone_signed_in_makes_a_new_version_and_keeps_theirs()
    {
        var letter = await LetterAsync("signed-fr");
        var signedTitle = letter.Translations.Single().Title;
        var email = $"{Signer.Unique("signedfr")}@example.org";
        await app.Visitor("fr").SignByApiAsync(letter.Slug, Signer.ApiBody("Signer fr", email));
        await app.ConfirmationPathAsync(email); // the email that carries their manage link
        var admin = await app.SignInAsync(await app.CreateAdminAsync());

        await SaveTranslationAsync(admin, letter, "fr", Corrected, "Excellences,\n\nNous vous demandons **d'agir**.");

        // The signer's own page leads to the text they signed, kept in their language.
        var manage = await app.Visitor().GetDocumentAsync(Signer.ManagePathIn(app.Smtp.To(email)[0]));
        Assert.Equal($"/letters/{letter.Slug}/versions#version-1", manage.QuerySelector("#signed-text")!.GetAttribute("href"));

        var (version, versions) = await app.Db(async db => (
            await db.Letters.Where(l => l.Id == letter.Id).Select(l => l.Version).SingleAsync(),
            await db.LetterVersions.Where(v => v.LetterId == letter.Id).OrderBy(v => v.Version).ToListAsync()));
        Assert.Equal(2, version);
        Assert.Equal("fr", versions[^1].TranslationChanged);
        Assert.Equal(letter.Body, versions[^1].Body); // the original is unchanged
        Assert.Contains(signedTitle, await PdfAsync(letter, "version=1&language=fr"));
        Assert.Contains(Corrected, await PdfAsync(letter, "language=fr"));

        var page = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/versions");
        var french = page.QuerySelectorAll("details[data-language=fr] summary").Select(s => s.TextContent).ToList();
        Assert.Contains(french, s => s.Contains(signedTitle));
        Assert.Contains(french, s => s.Contains(Corrected));
        Assert.Contains("The translation into Français was corrected", page.QuerySelector("main")!.TextContent);

        // A translation nobody signed in is corrected in place, and the other translations are not out of date.
        await SaveTranslationAsync(admin, letter, "es", "Hagan las preguntas", "Excelencias.");
        await SaveTranslationAsync(admin, letter, "es", "Hagan las preguntas difíciles", "Excelencias.");
        var spanish = await app.Db(db => db.LetterVersionTranslations.Where(t => t.LetterId == letter.Id && t.Language == "es").ToListAsync());
        Assert.Equal(2, Assert.Single(spanish).Version);
        Assert.Equal("Hagan las preguntas difíciles", spanish[0].Title);
        Assert.Null((await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}/translations")).QuerySelector(".out-of-date"));
    }

    [Fact]
    public async Task Only_those_whose_text_changed_are_told_of_a_corrected_translation()
    {
        var letter = await LetterAsync("notice-fr");
        var (french, english) = ($"{Signer.Unique("nfr")}@example.org", $"{Signer.Unique("nen")}@example.org");
        foreach (var (email, language) in new[] { (french, "fr"), (english, "en") })
        {
            await app.Visitor(language).SignByApiAsync(letter.Slug, Signer.ApiBody("Noticed Signer", email));
            await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        }
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        await SaveTranslationAsync(admin, letter, "fr", Corrected, "Nous vous demandons d'agir.");

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Petition.Web.Updates.VersionNotices>().QueueAsync(letter.Id, "Traduction corrigée.", default));
        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == french) && m.Subject!.StartsWith("La lettre que vous avez signée a changé"));
        await app.DrainOutboxAsync();
        Assert.DoesNotContain(app.Smtp.To(english), m => m.Subject!.StartsWith("The letter you signed has changed"));
    }

    [Fact]
    public async Task A_first_translation_after_people_signed_in_that_language_is_a_new_version_since_they_read_the_original()
    {
        var letter = await LetterAsync("first-fr", french: false);
        await SignInAsync("fr", letter);
        var admin = await app.SignInAsync(await app.CreateAdminAsync());

        await SaveTranslationAsync(admin, letter, "fr", Corrected, "Nous vous demandons d'agir.");

        Assert.Equal(2, await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.Version).SingleAsync()));
        Assert.False(await app.Db(db => db.LetterVersionTranslations.AnyAsync(t => t.LetterId == letter.Id && t.Version == 1)));
        var first = await PdfAsync(letter, "version=1&language=fr"); // what they signed: the original
        Assert.Contains(letter.Title, first);
        Assert.DoesNotContain(Corrected, first);
    }

    [Fact]
    public async Task Removing_a_signed_translation_keeps_it_in_the_version_they_signed()
    {
        var letter = await LetterAsync("removed-fr");
        var signedTitle = letter.Translations.Single().Title;
        await SignInAsync("fr", letter);
        var admin = await app.SignInAsync(await app.CreateAdminAsync());

        var url = $"/admin/letters/{letter.Slug}/translations";
        Assert.Equal(HttpStatusCode.Redirect,
            (await admin.PostHandlerAsync(url, "Delete", which: f => f.QuerySelector("input[value=fr]") is not null)).StatusCode);

        var kept = await app.Db(db => db.LetterVersionTranslations.Where(t => t.LetterId == letter.Id).ToListAsync());
        Assert.Equal((1, signedTitle), (Assert.Single(kept).Version, kept[0].Title));
        Assert.Equal(2, await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.Version).SingleAsync()));
    }

    [Fact]
    public async Task No_code_path_can_change_remove_or_add_a_translation_someone_signed_in()
    {
        var letter = await LetterAsync("guard-fr");
        await SignInAsync("fr", letter);
        await SignInAsync("es", letter);

        await Assert.ThrowsAsync<SignedTextException>(() => app.Db(async db =>
        {
            (await db.LetterVersionTranslations.SingleAsync(t => t.LetterId == letter.Id && t.Language == "fr")).Body = "Quietly changed.";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<SignedTextException>(() => app.Db(async db =>
        {
            // Nor moved away from the version it was signed at, leaving the signers with none.
            (await db.LetterVersionTranslations.SingleAsync(t => t.LetterId == letter.Id && t.Language == "fr")).Version = 7;
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<SignedTextException>(() => app.Db(async db =>
        {
            db.LetterVersionTranslations.Remove(await db.LetterVersionTranslations.SingleAsync(t => t.LetterId == letter.Id && t.Language == "fr"));
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<SignedTextException>(() => app.Db(async db =>
        {
            db.LetterVersionTranslations.Add(new LetterVersionTranslation
                { LetterId = letter.Id, Version = 1, Language = "es", Title = "Después", Body = "Nunca leído." });
            return await db.SaveChangesAsync();
        }));
        // A language nobody signed in may still be added to the version.
        await app.Db(async db =>
        {
            db.LetterVersionTranslations.Add(new LetterVersionTranslation
                { LetterId = letter.Id, Version = 1, Language = "ru", Title = "Задайте вопросы", Body = "Превосходительства." });
            return await db.SaveChangesAsync();
        });
    }
}
