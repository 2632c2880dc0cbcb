using Microsoft.Playwright;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>
/// The signatories as a printed letter shows them, in Chromium: sections in the organiser's order with the notable
/// first, the map and its table (axe-core finds nothing), the count that refreshes itself, and the list on paper.
/// </summary>
public class ReachInChromiumTests
{
    static readonly string[] Categories = ["Parliamentarians", "Medical professionals"];

    static async Task<Letter> SectionedLetterAsync(PetitionApp app)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("sections"), l =>
        {
            l.Title = "On the right to an independent review";
            l.Categories = [.. Categories];
            l.Fields = l.Fields with { Category = new FieldRule(FieldMode.Optional, Public: true) };
        });
        await app.SignaturesAsync(letter, 7, SignatureState.Published,
            configure: (s, i) => (s.Name, s.Category, s.Country) = ($"Member Parl{i}", "Parliamentarians", "GH"));
        await app.SignaturesAsync(letter, 2, SignatureState.Published,
            configure: (s, i) => (s.Name, s.Category, s.Country) = ($"Doctor Med{i}", "Medical professionals", "FR"));
        // The notable one signed first, so newest-first alone would put them last.
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) =>
            (s.Name, s.Category, s.Country, s.Notable, s.NotableOrder, s.PublishedAt) = ("Laureate Noted", "Medical professionals", "FR", true, 1, s.PublishedAt!.Value.AddDays(-1)));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Name, s.Category) = ("Uncategorised Person", null));
        return letter;
    }

    [Fact]
    public async Task The_letter_page_shows_sections_in_order_notable_first_and_a_map_with_its_table_with_no_axe_violation()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var letter = await SectionedLetterAsync(app);
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}");

        var headings = await page.Locator(".sections h3").AllTextContentsAsync();
        Assert.Equal(["Parliamentarians", "Medical professionals", "Other signatories"], headings);
        var medical = page.Locator(".section-preview", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Medical professionals" }) });
        await Assertions.Expect(medical.Locator("li").First).ToContainTextAsync("Laureate Noted");
        var parliament = page.Locator(".section-preview").First;
        await Assertions.Expect(parliament.Locator("li")).ToHaveCountAsync(5);
        await parliament.GetByRole(AriaRole.Link, new() { Name = "All 7 in Parliamentarians" }).ClickAsync();
        await Assertions.Expect(page.Locator(".list-section h2")).ToHaveTextAsync(["Parliamentarians"]);
        await Assertions.Expect(page.Locator("table.signatories tbody tr")).ToHaveCountAsync(7);
        var violations = new List<string>(await Axe.ViolationsAsync(page));

        await page.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}");
        await Assertions.Expect(page.Locator(".world-map path:has(title)").Filter(new() { HasText = "Ghana: 7 listed signatories" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".world-map path:has(title)").Filter(new() { HasText = "France: 4 listed signatories" })).ToHaveCountAsync(1);
        await page.GetByText("The figures by country").ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Listed signatories by country" });
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveTextAsync(["Ghana7", "France4"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Signatures over time" })).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));

        await page.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}/signatories");
        await Assertions.Expect(page.Locator(".list-section h2")).ToHaveTextAsync(["Parliamentarians", "Medical professionals", "Other signatories"]);
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_list_pages_through_one_section_into_the_next()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        var letter = await SectionedLetterAsync(app);
        await app.SignaturesAsync(letter, 60, SignatureState.Published, configure: (s, i) => (s.Name, s.Category) = ($"Member More{i}", "Parliamentarians"));
        var visitor = app.Visitor();

        var first = await visitor.GetDocumentAsync($"/letters/{letter.Slug}/signatories");
        Assert.Equal(["Parliamentarians"], first.QuerySelectorAll(".list-section h2").Select(h => h.TextContent));
        var next = first.QuerySelector(".pager a")!.GetAttribute("href")!;
        var second = await visitor.GetDocumentAsync(next);
        Assert.Equal(["Parliamentarians (continued)", "Medical professionals", "Other signatories"], second.QuerySelectorAll(".list-section h2").Select(h => h.TextContent));
        Assert.Equal(21, second.QuerySelectorAll("table.signatories tbody tr").Length);
        Assert.StartsWith("Laureate Noted", second.QuerySelectorAll(".list-section")[1].QuerySelector("tbody tr")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_count_on_the_letter_page_moves_by_itself_when_a_signature_is_confirmed()
    {
        await using var app = await PetitionApp.StartOnSocketAsync(new() { ["LiveCount:PollSeconds"] = "1" });
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
        var count = page.Locator(".tally .count strong");
        var before = int.Parse(await count.TextContentAsync() ?? "", System.Globalization.NumberStyles.AllowThousands);

        var email = $"{Signer.Unique("live")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Lina Live", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        app.Clock.Advance(TimeSpan.FromSeconds(2)); // the count's cached answers are evicted within a second

        await Assertions.Expect(count).ToHaveTextAsync((before + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")),
            new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".tally .count-word")).ToHaveTextAsync(before + 1 == 1 ? "signature" : "signatures");
    }

    [Fact]
    public async Task The_signatories_page_prints_as_the_letter_followed_by_its_signatories()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var letter = await SectionedLetterAsync(app);
        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}/signatories");

        var text = ExportFiles.PdfText(await page.PdfAsync(new() { Format = "A4", PrintBackground = true }));

        Assert.Contains("On the right to an independent review", text);
        var firstWords = string.Join(' ', letter.Body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Take(3));
        Assert.Contains(firstWords, System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
        Assert.Contains("Laureate Noted", text);
        Assert.Contains("Member Parl6", text);
        Assert.Contains("Uncategorised Person", text);
        Assert.True(text.IndexOf("Parliamentarians", StringComparison.Ordinal) < text.IndexOf("Medical professionals", StringComparison.Ordinal));
        Assert.DoesNotContain("Next page", text);
        Assert.DoesNotContain("Download the list", text);
        Assert.DoesNotContain("Search", text);
    }
}
