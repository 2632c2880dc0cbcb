using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Updates;

namespace Petition.Tests.Browser;

/// <summary>
/// Issue 13: a signer who ticked "email me" gets the organiser's update, and its link stops them from a browser that
/// has never signed in; the next update passes them by.
/// </summary>
public class UpdatesInChromiumTests
{
    [Fact]
    public async Task A_signer_who_asked_gets_the_update_and_stops_them_from_its_link_in_a_browser_never_signed_in()
    {
        await using var app = await PetitionApp.StartOnSocketAsync(new() { ["Updates:RunInBackground"] = "false" });
        await using var session = await BrowserSession.LaunchAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("chromium-updates"));
        var email = $"{Signer.Unique("reader")}@example.org";

        var signer = await session.Browser.NewPageAsync();
        var form = new LetterPage(signer);
        await form.OpenAsync(app.BaseUrl, letter.Slug);
        await Assertions.Expect(form.WantsUpdates).Not.ToBeCheckedAsync(); // strictly opt-in
        await form.SignAsync("Kwame Mensah", email, "Teacher", "Accra Academy", "Ghana", wantsUpdates: true);
        await signer.GotoAsync($"{app.BaseUrl}{await app.ConfirmationPathAsync(email)}");
        await signer.GetByRole(AriaRole.Button, new() { Name = "Confirm my signature" }).ClickAsync();
        await Assertions.Expect(signer.GetByRole(AriaRole.Status).First).ToContainTextAsync("confirmed");

        var organiser = await session.Browser.NewPageAsync();
        await new ConsolePage(organiser, app.BaseUrl).SignInAsync(await app.CreateAdminAsync());
        await PostUpdateAsync(organiser, app, letter.Slug, "Delivered today", expectedAudience: "1");
        var update = await UpdateToAsync(app, email, "Delivered today");

        // The link from the email, in a browser that holds no cookie of the site: a GET shows a button, the button stops them.
        var unsubscribe = System.Text.RegularExpressions.Regex.Match(update.TextBody ?? "", @"http://\S+/unsubscribe/[A-Za-z0-9_-]+").Value;
        Assert.StartsWith(app.BaseUrl, unsubscribe);
        var reader = await session.Browser.NewPageAsync();
        await reader.GotoAsync(unsubscribe);
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stop emails about this letter");
        var violations = new List<string>(await Axe.ViolationsAsync(reader));
        await reader.GetByRole(AriaRole.Button, new() { Name = "Stop emails about this letter" }).ClickAsync();
        await Assertions.Expect(reader.Locator("#unsubscribed")).ToHaveTextAsync("You will receive no more updates about this letter.");
        violations.AddRange(await Axe.ViolationsAsync(reader));
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await PostUpdateAsync(organiser, app, letter.Slug, "Answered", expectedAudience: "0");
        Assert.DoesNotContain(app.Smtp.To(email), m => (m.Subject ?? "").Contains("Answered"));
    }

    static async Task PostUpdateAsync(IPage organiser, PetitionApp app, string slug, string subject, string expectedAudience)
    {
        await organiser.GotoAsync($"{app.BaseUrl}/admin/letters/{slug}/updates");
        await Assertions.Expect(organiser.Locator("#update-audience")).ToHaveTextAsync(expectedAudience);
        await organiser.Locator("#Subject_en").FillAsync(subject);
        await organiser.Locator("#Body_en").FillAsync("The letter was delivered to 193 missions today.");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Send the update" }).ClickAsync();
        await Assertions.Expect(organiser.Locator("#posted-heading")).ToBeVisibleAsync();
        var sender = app.Services.GetRequiredService<UpdateSender>();
        while (await sender.SendChunkAsync(default)) { }
        await app.DrainOutboxAsync();
    }

    static async Task<MimeKit.MimeMessage> UpdateToAsync(PetitionApp app, string email, string subject)
    {
        MimeKit.MimeMessage? update = null;
        await Eventually.HoldsAsync(() =>
            (update = app.Smtp.To(email).FirstOrDefault(m => (m.Subject ?? "").Contains(subject) && m.Headers.Contains("List-Unsubscribe"))) is not null,
            $"the update '{subject}' to {email}");
        return update!;
    }
}
