using Microsoft.Playwright;

namespace Petition.Tests.Browser;

/// <summary>A person who uses the keyboard alone: Tab, Shift+Tab, Space and Enter, never the mouse.</summary>
public class Keyboard(IPage page)
{
    /// <summary>The id (or tag) of the element that has focus, "" for the body.</summary>
    public Task<string> FocusedAsync() =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return !e || e === document.body ? '' : (e.id || e.tagName.toLowerCase()); }");

    /// <summary>Presses Tab until the element with this id has focus; fails if it never gets it.</summary>
    public async Task TabToAsync(string id, int most = 40)
    {
        for (var i = 0; i < most; i++)
        {
            if (await FocusedAsync() == id)
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached #{id}; focus is on {await FocusedAsync()}");
    }

    /// <summary>Tabs into the field and types, as a person fills it.</summary>
    public async Task FillAsync(string id, string text)
    {
        await TabToAsync(id);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>The focused element draws a visible outline of at least two pixels.</summary>
    public Task<bool> FocusIsVisibleAsync() => page.EvaluateAsync<bool>("""
        () => {
            const style = getComputedStyle(document.activeElement);
            return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
        }
        """);
}
