using Microsoft.Playwright;

namespace Petition.Tests.Browser;

/// <summary>The letter page as a signer sees it: fields found by their labels, as a screen reader would.</summary>
public class LetterPage(IPage page)
{
    public async Task OpenAsync(string baseUrl, string slug) => await page.GotoAsync($"{baseUrl}/letters/{slug}");

    public async Task SignAsync(string name, string email, string title, string organization, string country, bool wantsUpdates = false)
    {
        await Field("Full name").FillAsync(name);
        await Field("Email address").FillAsync(email);
        await Field("Title or position").FillAsync(title);
        await Field("Organisation").FillAsync(organization);
        await Country.SelectOptionAsync(new SelectOptionValue { Label = country });
        await page.GetByLabel("Yes, list my name").CheckAsync();
        await page.GetByLabel("I have read the privacy notice").CheckAsync();
        if (wantsUpdates)
            await WantsUpdates.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the letter" }).ClickAsync();
    }

    public ILocator WantsUpdates => page.GetByLabel("Email me when the letter is delivered or answered");

    public ILocator Field(string label) => page.GetByRole(AriaRole.Textbox, new() { Name = label });

    public ILocator Country => page.GetByRole(AriaRole.Combobox, new() { Name = "Country" });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
