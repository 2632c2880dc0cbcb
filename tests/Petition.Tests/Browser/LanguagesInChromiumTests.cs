using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>Issue 6's "done when": a French browser reads, signs and confirms in French; the count is one across languages.</summary>
public class LanguagesInChromiumTests
{
    const string FrenchTitle = "Posez les questions difficiles lors de l'Examen périodique universel";

    [Fact]
    public async Task A_French_browser_reads_signs_and_confirms_in_French_and_the_count_is_one_across_languages()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        await using var french = await session.Browser.NewContextAsync(new() { Locale = "fr-FR" });
        var page = await french.NewPageAsync();
        var email = $"{Signer.Unique("camille")}@example.org";

        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(FrenchTitle);
        await Assertions.Expect(page.Locator(".letter-body")).ToContainTextAsync("Le silence vaut consentement.");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Nom complet" }).FillAsync("Camille Martin");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Adresse électronique" }).FillAsync(email);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Pays" }).SelectOptionAsync("FR");
        await page.GetByLabel("Oui, afficher mon nom").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer la lettre" }).ClickAsync();
        // Consent forgotten: the form says so in French, and keeps what was typed.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Il y a un problème");
        await Assertions.Expect(page.Locator("#Input_AcceptPrivacy_error")).ToContainTextAsync("Acceptez la politique de confidentialité pour signer.");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Nom complet" })).ToHaveValueAsync("Camille Martin");

        await page.GetByLabel("J'ai lu la politique de confidentialité").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer la lettre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Consultez vos courriels");

        var message = await app.Smtp.WaitForAsync(email);
        Assert.Equal($"Confirmez votre signature : {FrenchTitle}", message.Subject);
        Assert.Contains("Pour signer, ouvrez ce lien et appuyez sur « Confirmer ma signature »", message.TextBody);
        await page.GotoAsync(Regex.Match(message.TextBody ?? "", @"http://\S+/confirm/\S+").Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer ma signature" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Merci : votre signature est confirmée et comptée.");
        await Assertions.Expect(page.Locator("table.signatories")).ToContainTextAsync("Camille Martin");

        // The English reader sees the same one signature.
        var english = await session.Browser.NewPageAsync(new() { Locale = "en-GB" });
        await english.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
        await Assertions.Expect(english.Locator(".tally .count")).ToHaveTextAsync("1 signature");
        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
        await Assertions.Expect(page.Locator(".tally .count")).ToHaveTextAsync("1 signature");
    }

    [Fact]
    public async Task The_French_Russian_Chinese_and_right_to_left_Arabic_pages_have_no_WCAG_A_or_AA_violations()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        // The French translation dated before the letter's version, so the French page carries its out-of-date notice.
        await app.Db(db => db.LetterTranslations.Where(t => t.Language == "fr")
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UpdatedAt, app.Clock.GetUtcNow().AddDays(-1))));
        var violations = new List<string>();
        foreach (var locale in new[] { "fr-FR", "ar", "zh-CN", "ru-RU" })
        {
            var page = await session.Browser.NewPageAsync(new() { Locale = locale });
            foreach (var path in new[] { "/letters/upr-accountability", "/letters/upr-accountability/signatories", "/letters/upr-accountability/privacy", "/no/such/page" })
            {
                await page.GotoAsync(app.BaseUrl + path);
                if (locale == "fr-FR" && path == "/letters/upr-accountability")
                    await Assertions.Expect(page.Locator("article .notice")).ToContainTextAsync("Lire l’original");
                violations.AddRange(await Axe.ViolationsAsync(page));
            }
            await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
            await page.Locator("#sign-submit").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            violations.AddRange(await Axe.ViolationsAsync(page));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_Arabic_page_mirrors_right_to_left()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability?culture=ar");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "وقّع الرسالة" })).ToBeVisibleAsync();
        // The label's words start at the right edge of the field, as Arabic is read, and the error bar (a logical
        // border) would stand on the right.
        var edges = await page.EvaluateAsync<double[]>("""
            () => {
                const label = document.querySelector("label[for=Input_Name]"), field = document.getElementById("Input_Name");
                const range = document.createRange();
                range.selectNodeContents(label.firstChild);
                const text = range.getBoundingClientRect(), box = field.getBoundingClientRect();
                return [text.left, text.right, box.left, box.right];
            }
            """);
        Assert.True(Math.Abs(edges[1] - edges[3]) < 2 && edges[0] > edges[2] + 100, $"label text at {edges[0]}..{edges[1]}, field at {edges[2]}..{edges[3]}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName, "letter-ar-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task The_letter_page_fits_a_phone_screen_in_every_language()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        foreach (var culture in new[] { "fr", "es", "ru", "zh-Hans", "ar" })
        {
            var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 800 } });
            await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability?culture={culture}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, $"letter-{culture}-360.png"), FullPage = true });
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                $"the {culture} page is wider than 360 px");
        }
    }
}
