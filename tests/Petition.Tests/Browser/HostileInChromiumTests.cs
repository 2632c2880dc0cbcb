using Microsoft.Playwright;
using Petition.Tests.Infrastructure;
using Petition.Tests.Integration;

namespace Petition.Tests.Browser;

public class HostileInChromiumTests
{
    [Fact]
    public async Task Hostile_values_that_were_accepted_never_run_where_they_are_shown()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        var client = app.Client();
        var accepted = new List<string>();
        for (var i = 0; i < HostileInputTests.Corpus.Length; i++)
        {
            var email = $"hostile{i}@example.org";
            var body = Signer.ApiBody($"Signer {i}", email);
            body["organization"] = HostileInputTests.Corpus[i];
            body["title"] = HostileInputTests.Corpus[(i + 1) % HostileInputTests.Corpus.Length];
            if ((await client.SignByApiAsync("upr-accountability", body)).StatusCode != System.Net.HttpStatusCode.Accepted)
                continue;
            await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
            accepted.Add(email);
        }
        Assert.NotEmpty(accepted);

        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        var manage = System.Text.RegularExpressions.Regex.Match(app.Smtp.To(accepted[0])[0].TextBody ?? "", @"http://\S+/manage/\S+").Value;

        foreach (var url in new[] { "/letters/upr-accountability", "/letters/upr-accountability/signatories", "/letters/upr-accountability/signatories?q=script" })
        {
            await page.GotoAsync(app.BaseUrl + url);
            Assert.Equal(0, await page.Locator("script:not([src^='/js/']), img[onerror], [onerror], [onclick]").CountAsync());
        }
        await page.GotoAsync(manage);
        Assert.Equal(0, await page.Locator("script:not([src^='/js/']), [onerror]").CountAsync());
        Assert.Equal(0, dialogs);
        await page.GotoAsync(app.BaseUrl + "/letters/upr-accountability/signatories");
        await Assertions.Expect(page.Locator("table.signatories")).ToContainTextAsync("<script>alert('x')</script>");
    }
}
