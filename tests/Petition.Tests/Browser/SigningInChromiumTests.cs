using Microsoft.Playwright;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

public class SigningInChromiumTests
{
    [Fact]
    public async Task A_signer_signs_confirms_through_the_received_email_and_finds_their_name()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var letter = new LetterPage(page);
        var email = $"{Signer.Unique("chromium")}@example.org";

        await letter.OpenAsync(app.BaseUrl, "upr-accountability");
        await letter.SignAsync("Aiyana Redcloud", email, "Nurse", "Mercy Hospital", "Canada");
        await Assertions.Expect(letter.Heading).ToHaveTextAsync("Check your email");

        var message = await app.Smtp.WaitForAsync(email);
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"http://\S+/confirm/\S+").Value;
        Assert.StartsWith(app.BaseUrl, link);

        await page.GotoAsync(link);
        await Assertions.Expect(letter.Heading).ToHaveTextAsync("Confirm your signature");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my signature" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("confirmed");
        await Assertions.Expect(page.Locator("table.signatories")).ToContainTextAsync("Aiyana Redcloud");
        await Assertions.Expect(page.Locator("table.signatories")).ToContainTextAsync("Canada");
    }

    [Fact]
    public async Task A_mistake_on_the_form_is_shown_next_to_its_field_and_nothing_typed_is_lost()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var letter = new LetterPage(page);

        await letter.OpenAsync(app.BaseUrl, "upr-accountability");
        await letter.SignAsync("Tomás Ortega", "tomas-at-example.org", "Judge", "High Court", "Spain");

        await Assertions.Expect(page.Locator("#Input_Email_error")).ToContainTextAsync("Enter an email address");
        await Assertions.Expect(letter.Field("Full name")).ToHaveValueAsync("Tomás Ortega");
        await Assertions.Expect(letter.Field("Organisation")).ToHaveValueAsync("High Court");
        await Assertions.Expect(letter.Country).ToHaveValueAsync("ES");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        Assert.Equal(0, await app.SignatureCountAsync("upr-accountability"));
    }
}
