using Microsoft.Playwright;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

public class ModerationInChromiumTests
{
    [Fact]
    public async Task A_moderator_signs_in_with_a_code_approves_a_pending_signature_and_finds_it_on_the_public_list()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("chromium-pre"), l => l.ModerationMode = ModerationMode.Pre);
        await app.SignaturesAsync(letter, 1, configure: (s, _) => { s.Name = "Wanjiru Kamau"; s.Organization = "Kenyatta Hospital"; });
        var moderator = await app.CreateModeratorAsync(twoFactor: true);
        var page = await session.Browser.NewPageAsync();
        var console = new ConsolePage(page, app.BaseUrl);

        await page.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}/signatories");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Wanjiru Kamau");

        await console.SignInAsync(moderator);
        await console.OpenQueueAsync(letter.Slug, "?state=AwaitingReview");
        await console.ApproveAsync("Wanjiru Kamau");
        await Assertions.Expect(console.Status).ToHaveTextAsync("Approved 1 signature.");

        await page.GotoAsync($"{app.BaseUrl}/letters/{letter.Slug}/signatories");
        await Assertions.Expect(page.Locator("table.signatories")).ToContainTextAsync("Wanjiru Kamau");
        await Assertions.Expect(page.Locator("table.signatories")).ToContainTextAsync("Kenyatta Hospital");
    }
}
