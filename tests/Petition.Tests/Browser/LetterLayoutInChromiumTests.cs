using Microsoft.Playwright;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>The letter page as a reader meets it on a desktop (1280 px) and on a phone (390 px).</summary>
public class LetterLayoutInChromiumTests
{
    record Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;
        public double Bottom => Y + Height;
    }

    static async Task<Box> BoxOf(ILocator locator) =>
        await locator.BoundingBoxAsync() is { } b ? new Box(b.X, b.Y, b.Width, b.Height) : throw new InvalidOperationException("not shown");

    static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    static async Task<(PetitionApp App, string Slug)> StartWithLongLetterAsync()
    {
        var app = await PetitionApp.StartOnSocketAsync();
        var paragraph = "We ask every delegation to raise, on the record, the questions that the reports before it leave open, "
            + "and to ask for the data that would settle them. ";
        var letter = await app.AddLetterAsync(Signer.Unique("long"), l =>
            l.Body = string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"{i}. {paragraph}{paragraph}")));
        return (app, letter.Slug);
    }

    [Fact]
    public async Task At_1280_px_the_form_stands_beside_the_text_and_stays_in_view_while_the_text_scrolls()
    {
        var (app, slug) = await StartWithLongLetterAsync();
        await using var _ = app;
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync($"{app.BaseUrl}/letters/{slug}");

        var text = await BoxOf(page.Locator("article.letter"));
        var form = await BoxOf(page.Locator("section.sign"));
        Assert.True(form.X >= text.Right, $"the form (x {form.X}) is not beside the text (right edge {text.Right})");
        Assert.True(form.Y < text.Y + 200, $"the form starts at {form.Y}, far below the top of the text ({text.Y})");

        await page.Mouse.WheelAsync(0, 2500);
        await page.WaitForFunctionAsync("() => window.scrollY > 2000"); // the text scrolled on
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign this letter" })).ToBeInViewportAsync();
        var stuck = await BoxOf(page.Locator("section.sign"));
        // Taller than the window, the form scrolls within its own box, which stays wholly in view.
        Assert.True(stuck.Y >= 0 && stuck.Bottom <= 800, $"the form ({stuck.Y} to {stuck.Bottom}) is not wholly in the window");
        Assert.True(await OverflowAsync(page) <= 0, "the page is wider than the window");
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task At_390_px_the_form_follows_the_text_and_the_sign_link_beside_the_count_jumps_to_it()
    {
        var (app, slug) = await StartWithLongLetterAsync();
        await using var _ = app;
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync($"{app.BaseUrl}/letters/{slug}");

        var text = await BoxOf(page.Locator("article.letter"));
        var form = await BoxOf(page.Locator("section.sign"));
        Assert.True(form.Y >= text.Bottom, $"the form (y {form.Y}) is not below the text (bottom {text.Bottom})");
        Assert.True(await OverflowAsync(page) <= 0, "the page is wider than the phone");

        var formHeading = page.GetByRole(AriaRole.Heading, new() { Name = "Sign this letter" });
        await Assertions.Expect(formHeading).Not.ToBeInViewportAsync();
        await page.Locator(".call-to-sign").GetByRole(AriaRole.Link, new() { Name = "Sign this letter" }).ClickAsync();
        await Assertions.Expect(formHeading).ToBeInViewportAsync();
        Assert.EndsWith("#sign", page.Url);
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
