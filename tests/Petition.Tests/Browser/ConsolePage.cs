using Microsoft.Playwright;
using Petition.Tests.Admin;

namespace Petition.Tests.Browser;

/// <summary>The console as a moderator uses it: fields and buttons found by their labels.</summary>
public class ConsolePage(IPage page, string baseUrl)
{
    public async Task SignInAsync(StaffAccount account)
    {
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.GetByLabel("Email address").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Heading).ToHaveTextAsync("Two-factor code");
        await page.GetByLabel("Authenticator code").FillAsync(account.CurrentCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Heading).ToHaveTextAsync("Letters");
    }

    public async Task OpenQueueAsync(string slug, string query = "") =>
        await page.GotoAsync($"{baseUrl}/admin/letters/{slug}/signatures{query}");

    public async Task ApproveAsync(string name)
    {
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {name}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve selected" }).ClickAsync();
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Status => page.Locator("p.notice[role=status]");
}
