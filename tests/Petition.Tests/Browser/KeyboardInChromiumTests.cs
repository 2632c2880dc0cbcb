using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>WCAG 2.1.1 and 2.4.3/2.4.7: the letter is signed with the keyboard alone, in an order that follows the page.</summary>
public class KeyboardInChromiumTests
{
    [Fact]
    public async Task A_signer_signs_and_confirms_with_the_keyboard_alone()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var keys = new Keyboard(page);
        var email = $"{Signer.Unique("keys")}@example.org";

        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
        await keys.FillAsync("Input_Name", "Noor Keyboard");
        Assert.True(await keys.FocusIsVisibleAsync(), "the focused field shows no outline");
        await keys.FillAsync("Input_Email", email);
        await keys.FillAsync("Input_Title", "Paediatrician");
        await keys.TabToAsync("Input_Country");
        await page.Keyboard.TypeAsync("Jordan"); // a closed list jumps to what is typed
        await keys.TabToAsync("Input_Listing_public");
        await page.Keyboard.PressAsync("Space");
        await keys.TabToAsync("Input_AcceptPrivacy");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await keys.FocusIsVisibleAsync(), "the focused checkbox shows no outline");
        // One step back and forth: Shift+Tab returns to the listing choice, which keeps its answer.
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.NotEqual("Input_AcceptPrivacy", await keys.FocusedAsync());
        await keys.TabToAsync("sign-submit");
        Assert.True(await keys.FocusIsVisibleAsync(), "the focused button shows no outline");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        var message = await app.Smtp.WaitForAsync(email);
        StringAssert(message.TextBody, "Country: Jordan");
        await page.GotoAsync(Regex.Match(message.TextBody ?? "", @"http://\S+/confirm/\S+").Value);
        await keys.TabToAsync("confirm-submit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("table.signatories")).ToContainTextAsync("Noor Keyboard");
    }

    [Fact]
    public async Task Focus_moves_through_the_sign_form_in_the_order_it_is_read()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var keys = new Keyboard(page);
        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");

        await keys.TabToAsync("Input_Name");
        var stops = new List<(string Id, double Top, double Left)>();
        while (stops.Count < 30)
        {
            // Measured within the form's own content: on a wide screen the form is a sticky box that scrolls by itself.
            var box = await page.EvaluateAsync<JsonElement>("""
                () => { const form = document.querySelector('section.sign'), f = form.getBoundingClientRect();
                        const r = document.activeElement.getBoundingClientRect();
                        return { top: r.top - f.top + form.scrollTop, left: r.left }; }
                """);
            stops.Add((await keys.FocusedAsync(), box.GetProperty("top").GetDouble(), box.GetProperty("left").GetDouble()));
            if (stops[^1].Id == "sign-submit")
                break;
            await page.Keyboard.PressAsync("Tab");
        }

        var order = string.Join(" → ", stops.Select(s => s.Id));
        Assert.Equal("sign-submit", stops[^1].Id);
        // Every field of the form, from top to bottom, each once; the hidden robot trap never.
        foreach (var id in new[] { "Input_Name", "Input_Email", "Input_Title", "Input_Organization", "Input_Category", "Input_Country",
                     "Input_Listing_public", "Input_ShowVerifiedBadge", "Input_AcceptPrivacy" })
            Assert.True(stops.Count(s => s.Id == id) == 1, $"{id} is not reached once: {order}");
        Assert.DoesNotContain(stops, s => s.Id == "Input_Website");
        for (var i = 1; i < stops.Count; i++)
            Assert.True(stops[i].Top > stops[i - 1].Top - 1 || (Math.Abs(stops[i].Top - stops[i - 1].Top) < 24 && stops[i].Left > stops[i - 1].Left),
                $"focus went back up the page at {stops[i].Id}: {order}");

        // Shift+Tab walks the same way back.
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal(stops[^2].Id, await keys.FocusedAsync());
    }

    [Fact]
    public async Task A_failed_submit_takes_focus_to_the_error_summary_whose_links_lead_to_the_fields()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var keys = new Keyboard(page);
        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");

        await keys.FillAsync("Input_Name", "Ines Halfway");
        await keys.TabToAsync("sign-submit");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'error-summary'");
        Assert.True(await keys.FocusIsVisibleAsync(), "the focused error summary shows no outline");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Enter your email address; we send the confirmation link there.",
            await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'Input_Email'");
        Assert.Equal("Ines Halfway", await page.Locator("#Input_Name").InputValueAsync());

        // The consent's message leads to its checkbox, which Space then ticks.
        await page.Locator("#error-summary a[href='#Input_AcceptPrivacy']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'Input_AcceptPrivacy'");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#Input_AcceptPrivacy").IsCheckedAsync());
    }

    static void StringAssert(string? text, string expected) => Assert.Contains(expected, text ?? "");
}
