using Microsoft.Playwright;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>Issue 13's "done when": the organiser records a reply and makes it public; visitors read it in their language.</summary>
public class ResponsesInChromiumTests
{
    [Fact]
    public async Task The_organiser_records_a_public_reply_and_visitors_read_it_on_the_letter_page_in_English_and_French()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("chromium-answers"));
        var page = await session.Browser.NewPageAsync(new() { Locale = "en-GB" });
        var console = new ConsolePage(page, app.BaseUrl);
        await console.SignInAsync(await app.CreateAdminAsync());

        await page.GotoAsync($"{app.BaseUrl}/admin/letters/{letter.Slug}/recipients");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Permanent Mission of Ghana");
        await page.GetByLabel("Email addresses").FillAsync("geneva@ghana-mission.example");
        await page.GetByLabel("Country (optional)").SelectOptionAsync("GH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recipient" }).ClickAsync();
        await Assertions.Expect(console.Status).ToHaveTextAsync("Added Permanent Mission of Ghana.");

        var violations = new List<string>(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Permanent Mission of Ghana" }).ClickAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Replied" });
        await page.GetByLabel("Date of the answer").FillAsync("2026-11-20");
        await page.GetByLabel("Text of the answer").FillAsync("Ghana will raise these questions at the review.");
        await page.GetByLabel("Make the text public").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();
        await Assertions.Expect(console.Status).ToHaveTextAsync("Recorded the answer of Permanent Mission of Ghana: Replied, public.");

        foreach (var (locale, replied, summary, date) in new[]
        {
            ("en-GB", "Replied", "1 replied", "20 November 2026"),
            ("fr-FR", "A répondu", "Ont répondu : 1", "20 novembre 2026"),
        })
        {
            var visitor = await session.Browser.NewPageAsync(new() { Locale = locale });
            await visitor.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}");
            var responses = visitor.Locator("#responses");
            await Assertions.Expect(responses.Locator(".responses-summary")).ToContainTextAsync(summary);
            var row = responses.GetByRole(AriaRole.Row, new() { Name = "Permanent Mission of Ghana" });
            await Assertions.Expect(row).ToContainTextAsync(replied);
            await Assertions.Expect(row).ToContainTextAsync(date);
            await Assertions.Expect(row).ToContainTextAsync("Ghana will raise these questions at the review.");
            violations.AddRange(await Axe.ViolationsAsync(visitor));
            await visitor.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}/responses?status=replied");
            violations.AddRange(await Axe.ViolationsAsync(visitor));
            await visitor.CloseAsync();
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
