using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>axe-core on every page a signer walks through, at WCAG 2.2 AA: zero violations.</summary>
public class AccessibilityInChromiumTests
{
    [Fact]
    public async Task The_signers_pages_have_no_WCAG_A_or_AA_violations()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var email = $"{Signer.Unique("axe")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Grace Axe", email));
        var confirm = await app.ConfirmationPathAsync(email);
        await client.ConfirmAsync(confirm);
        var manage = new Uri(Regex.Match(app.Smtp.To(email)[0].TextBody ?? "", @"http://\S+/manage/\S+").Value).PathAndQuery;
        var other = $"{Signer.Unique("axeconfirm")}@example.org";
        await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Olu Pending", other));
        var pendingConfirm = await app.ConfirmationPathAsync(other);

        var violations = new List<string>();
        foreach (var path in new[] { "/", "/letters/upr-accountability", "/letters/upr-accountability/check-email",
                     pendingConfirm, "/letters/upr-accountability/signatories", "/letters/upr-accountability/signatories?q=grace",
                     manage, "/letters/upr-accountability/privacy", "/privacy", "/letters/upr-accountability/embed",
                     "/letters/upr-accountability/versions", "/account/login", "/no/such/page" })
        {
            var response = await page.GotoAsync(app.BaseUrl + path);
            Assert.Equal(path == "/no/such/page" ? 404 : 200, response?.Status);
            violations.AddRange(await Axe.ViolationsAsync(page));
        }

        // The sign form after a mistake: the error summary and the messages beside the fields.
        var letter = new LetterPage(page);
        await letter.OpenAsync(app.BaseUrl, "upr-accountability");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the letter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        violations.AddRange(await Axe.ViolationsAsync(page));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_pages_a_signer_sees_after_signing_have_no_WCAG_A_or_AA_violations()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var letter = new LetterPage(page);
        var email = $"{Signer.Unique("axeafter")}@example.org";

        await letter.OpenAsync(app.BaseUrl, "upr-accountability");
        await letter.SignAsync("Ada After", email, "Nurse", "Mercy Hospital", "Canada");
        await Assertions.Expect(page.Locator(".sent-to")).ToBeVisibleAsync(); // the masked address
        var violations = new List<string>(await Axe.ViolationsAsync(page));
        await page.GotoAsync(app.BaseUrl + await app.ConfirmationPathAsync(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my signature" }).ClickAsync();
        await Assertions.Expect(page.Locator(".confirmed")).ToContainTextAsync("You are signatory 1.");
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_console_pages_have_no_WCAG_A_or_AA_violations()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var admin = await app.CreateAdminAsync();
        var email = $"{Signer.Unique("axeadmin")}@example.org";
        await app.Client().SignByApiAsync("upr-accountability", Signer.ApiBody("Rosa Review", email));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        var signatureId = await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).Select(s => s.Id).SingleAsync());

        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/account/login");
        await page.Locator("#Input_Email").FillAsync(admin.Email);
        await page.Locator("#Input_Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-factor code");
        var violations = new List<string>(await Axe.ViolationsAsync(page)); // the authenticator code page
        await page.Locator("#Input_Code").FillAsync(admin.CurrentCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Not WaitForURLAsync: Playwright for .NET can miss the load event it waits for (microsoft/playwright-dotnet#3364),
        // which timed out a CI run; the assertion polls the address instead.
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/admin");

        foreach (var path in new[] { "/admin", "/admin/letters/new", "/admin/letters/upr-accountability/edit",
                     "/admin/letters/upr-accountability", "/admin/letters/upr-accountability/signatures",
                     $"/admin/letters/upr-accountability/signatures/{signatureId}", "/admin/letters/upr-accountability/signals",
                     "/admin/letters/upr-accountability/export", "/admin/letters/upr-accountability/import",
                     "/admin/letters/upr-accountability/translations", "/admin/trust", "/admin/audit", "/admin/users" })
        {
            var response = await page.GotoAsync(app.BaseUrl + path);
            Assert.True(response?.Status == 200 && page.Url == app.BaseUrl + path, $"{path} answered {response?.Status} at {page.Url}");
            violations.AddRange(await Axe.ViolationsAsync(page));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Axe_does_report_a_page_that_breaks_the_rules()
    {
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        await page.SetContentAsync("<html><body><input type=text><p style='color:#bbb'>faint</p></body></html>");
        var violations = await Axe.ViolationsAsync(page);
        Assert.Contains(violations, v => v.Contains("label"));
        Assert.Contains(violations, v => v.Contains("color-contrast"));
    }

    [Fact]
    public async Task The_letter_page_is_screenshotted_at_phone_and_desktop_widths()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
            await page.GotoAsync($"{app.BaseUrl}/letters/upr-accountability");
            var path = Path.Combine(artifacts, $"letter-{width}.png");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 10_000);
            // Nothing sticks out sideways: a phone reader never scrolls horizontally.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                $"the page is wider than {width} px");
        }
    }
}
