using Microsoft.Playwright;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

public class EmbedInChromiumTests
{
    [Fact]
    public async Task A_listed_partner_shows_the_embed_and_reads_the_count_and_an_unlisted_site_is_refused()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var listed = Signer.Unique("partnered");
        var unlisted = Signer.Unique("unpartnered");
        await using var partnerOfListed = await PartnerSite.StartAsync($"{app.BaseUrl}/letters/{listed}/embed", $"{app.BaseUrl}/api/letters/{listed}/count");
        await using var stranger = await PartnerSite.StartAsync($"{app.BaseUrl}/letters/{unlisted}/embed", $"{app.BaseUrl}/api/letters/{unlisted}/count");
        await app.AddLetterAsync(listed, l => { l.Title = "Partnered letter"; l.EmbedHosts = [partnerOfListed.Origin]; });
        await app.AddLetterAsync(unlisted, l => { l.Title = "Unpartnered letter"; l.EmbedHosts = ["https://someone-else.example"]; });
        Assert.NotEqual(new Uri(app.BaseUrl).Port, new Uri(partnerOfListed.Origin).Port);

        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync(partnerOfListed.Origin);
        var frame = page.FrameLocator("iframe");
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partnered letter");
        var sign = frame.GetByRole(AriaRole.Link, new() { Name = "Sign this letter" });
        await Assertions.Expect(sign).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(sign).ToHaveAttributeAsync("href", $"{app.BaseUrl}/letters/{listed}");
        await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("0"); // read across origins through CORS

        var refused = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = await session.Browser.NewPageAsync();
        other.Console += (_, message) => { if (message.Text.Contains("frame-ancestors")) refused.TrySetResult(message.Text); };
        await other.GotoAsync(stranger.Origin);
        var violation = await refused.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains($"Framing '{app.BaseUrl}/'", violation); // Chromium names the framed origin
        var child = other.Frames.Single(f => f != other.MainFrame);
        // Chromium puts its own error page in the frame instead of the letter.
        Assert.StartsWith("chrome-error://", child.Url);
        Assert.DoesNotContain("Unpartnered letter", await child.ContentAsync());
    }
}
