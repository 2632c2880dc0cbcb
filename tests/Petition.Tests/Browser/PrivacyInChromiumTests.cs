using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

public class PrivacyInChromiumTests
{
    [Fact]
    public async Task A_signer_withdraws_through_the_emailed_link_and_the_count_drops()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var email = $"{Signer.Unique("withdraw")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Wanjiru Kamau", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));

        await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
        await Assertions.Expect(page.Locator(".tally .count")).ToContainTextAsync("1 signature");

        var manage = Regex.Match(app.Smtp.To(email)[0].TextBody ?? "", @"http://\S+/manage/\S+").Value;
        await page.GotoAsync(manage);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your signature");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I understand that this erases my signature" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my signature" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("withdrawn");
        await Assertions.Expect(page.Locator(".tally .count")).ToContainTextAsync("0 signatures");
        Assert.DoesNotContain("Wanjiru", await page.Locator(".latest").InnerTextAsync());
    }

    [Fact]
    public async Task No_public_page_asks_anything_of_another_host()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled on the browser's event thread
        var consoleErrors = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled on the browser's event thread
        page.Request += (_, request) => requested.Enqueue(request.Url);
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) consoleErrors.Enqueue(message.Text); };

        var email = $"{Signer.Unique("hosts")}@example.org";
        await app.Client().SignByApiAsync("upr-accountability", Signer.ApiBody("Host Watcher", email));
        var confirm = await app.ConfirmationPathAsync(email);
        var manage = new Uri(Regex.Match(app.Smtp.To(email)[0].TextBody ?? "", @"http://\S+/manage/\S+").Value).PathAndQuery;

        foreach (var path in new[] { "/", "/letters/upr-accountability", "/letters/upr-accountability/signatories?q=a",
                     "/letters/upr-accountability/check-email", "/letters/upr-accountability/privacy", "/privacy", confirm, manage,
                     "/no/such/page" })
        {
            // The wait is the driver's, as part of the navigation: a separate WaitForLoadStateAsync can miss the event.
            await page.GotoAsync(app.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.StartsWith(app.BaseUrl + "/", url));
        Assert.Empty(consoleErrors); // an inline style or script that the policy blocked would show here
    }
}
