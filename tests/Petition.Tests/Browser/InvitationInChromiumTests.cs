using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Tests.Signing;
using Petition.Web.Founding;

namespace Petition.Tests.Browser;

/// <summary>The founding round as the invited person meets it: the emailed link opens the draft with their address filled in; they sign once.</summary>
public class InvitationInChromiumTests
{
    [Fact]
    public async Task An_invited_person_opens_their_link_and_signs_the_draft_with_no_axe_violation()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("invite"), l => l.Status = LetterStatus.Draft);
        var email = $"{Signer.Unique("mary")}@example.org";
        // Sent as the admin page sends it (the console's own tests post that form).
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FoundingRound>().InviteAsync(letter, InvitationLines.Parse($"{email},Mary Seacole"), default);
        var link = await FoundingRoundTests.InvitationPathAsync(app, email);

        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var form = new LetterPage(page);
        await page.GotoAsync(app.BaseUrl + link);
        await Assertions.Expect(form.Field("Email address")).ToHaveValueAsync(email);
        await Assertions.Expect(form.Field("Full name")).ToHaveValueAsync("Mary Seacole");
        var violations = new List<string>(await Axe.ViolationsAsync(page));
        await form.Field("Title or position").FillAsync("Nurse");
        await form.Field("Organisation").FillAsync("British Hotel");
        await form.Country.SelectOptionAsync(new SelectOptionValue { Label = "Jamaica" });
        await page.GetByLabel("Yes, list my name").CheckAsync();
        await page.GetByLabel("I have read the privacy notice").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the letter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitation-status")).ToContainTextAsync("Thank you");
        violations.AddRange(await Axe.ViolationsAsync(page));

        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal((SignatureState.Published, Verification.Invited, true), (signature.State, signature.Verification, signature.Founding));
        // Back to the link: it has signed once and says so.
        await page.GotoAsync(app.BaseUrl + link);
        await Assertions.Expect(page.Locator("#invitation-status")).ToContainTextAsync("used already");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
