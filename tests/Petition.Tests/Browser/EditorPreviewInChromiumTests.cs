using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>An organiser previews, then saves: the save is kept, on a new letter, an existing one and a translation.</summary>
public class EditorPreviewInChromiumTests
{
    [Fact]
    public async Task Preview_then_save_keeps_the_edit_of_a_new_letter_an_existing_letter_and_a_translation()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("preview-save"));
        var page = await session.Browser.NewPageAsync();
        var console = new ConsolePage(page, app.BaseUrl);
        await console.SignInAsync(await app.CreateAdminAsync());

        // An existing letter: preview a new paragraph, then save it.
        await page.GotoAsync($"{app.BaseUrl}/admin/letters/{letter.Slug}/edit");
        await page.GetByLabel("Text (Markdown)", new() { Exact = true }).FillAsync(letter.Body + "\n\nA **new** closing paragraph.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview")).ToContainTextAsync("A new closing paragraph.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(console.Status).ToContainTextAsync("Saved.");
        Assert.Contains("A **new** closing paragraph.", await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.Body).SingleAsync()));

        // A new letter: preview, then save.
        var slug = Signer.Unique("previewed");
        await page.GotoAsync($"{app.BaseUrl}/admin/letters/new");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync(slug);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Previewed first");
        await page.GetByLabel("Addressed to", new() { Exact = true }).FillAsync("The Council");
        await page.GetByLabel("Text (Markdown)", new() { Exact = true }).FillAsync("We ask **you** to act.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview strong")).ToHaveTextAsync("you");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(console.Status).ToContainTextAsync("Saved.");
        Assert.True(await app.Db(db => db.Letters.AnyAsync(l => l.Slug == slug)));

        // A translation: preview, then save.
        await page.GotoAsync($"{app.BaseUrl}/admin/letters/{letter.Slug}/translations");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language", Exact = true }).SelectOptionAsync("fr");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Lettre prévisualisée");
        await page.GetByLabel("Text (Markdown)", new() { Exact = true }).FillAsync("Nous demandons **justice**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview strong")).ToHaveTextAsync("justice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save translation" }).ClickAsync();
        await Assertions.Expect(console.Status).ToBeVisibleAsync();
        Assert.True(await app.Db(db => db.LetterTranslations.AnyAsync(t => t.LetterId == letter.Id && t.Title == "Lettre prévisualisée")));
    }
}
