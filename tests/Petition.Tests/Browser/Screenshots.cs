using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>
/// The pictures in docs/screenshots/, taken by scripts/screenshots.sh (not by the normal test run, which skips the
/// trait): the main pages at 390 and 1280 px, on the sample letter with a few signatories, on the test clock.
/// </summary>
[Trait("Category", "Screenshots")]
public class Screenshots
{
    static readonly int[] Widths = [390, 1280];

    static readonly (string Name, string Title, string Organization, string Country)[] People =
    [
        ("Amina Diallo", "Professor of Public Health", "Université Cheikh Anta Diop", "SN"),
        ("Lars Henriksen", "Member of Parliament", "Folketinget", "DK"),
        ("Mei-Ling Zhou", "Transplant surgeon", "Royal Melbourne Hospital", "AU"),
        ("Rafael Moreno", "Journalist", "El Observador", "UY"),
        ("Grace Mensah", "Nurse", "Korle Bu Teaching Hospital", "GH"),
        ("Tomás Ortega", "Judge", "High Court", "ES"),
    ];

    [Fact]
    public async Task Take_the_screenshots_of_the_main_pages()
    {
        var folder = Directory.CreateDirectory(Environment.GetEnvironmentVariable("PETITION_SCREENSHOTS")
            ?? Path.Combine(RepositoryRoot(), "docs", "screenshots")).FullName;
        // Links on the pages read as a real site's, the same on every run; the test follows the emailed links by path.
        await using var app = await PetitionApp.StartOnSocketAsync(new() { ["Site:PublicBaseUrl"] = "https://petition.example.org" });
        await using var session = await BrowserSession.LaunchAsync();
        const string slug = "upr-accountability";
        var now = app.Clock.GetUtcNow();
        await app.Db(db => db.Letters.Where(l => l.Slug == slug)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ClosesAt, now.AddDays(13))));
        await SeedAsync(app, slug);

        async Task ShootAsync(IPage page, string name, int width) =>
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });

        foreach (var width in Widths)
        {
            var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 900 } });
            var letter = new LetterPage(page);
            await letter.OpenAsync(app.BaseUrl, slug);
            await ShootAsync(page, "letter", width);
            if (width < 600) // what a phone shows on opening the letter, for the README
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "letter-390-screen.png") });
            await page.GotoAsync($"{app.BaseUrl}/letters/{slug}/signatories");
            await ShootAsync(page, "signatories", width);

            // A signer's own walk: the form, the check-email page, the emailed link, the thanks, the manage page.
            var (name, email) = width < 600 ? ("Jane Walker", "jane.walker@example.org") : ("Kofi Boateng", "kofi@example.org");
            await letter.OpenAsync(app.BaseUrl, slug);
            await letter.SignAsync(name, email, "Paediatrician", "Children's Hospital", "Canada");
            await Assertions.Expect(letter.Heading).ToHaveTextAsync("Check your email");
            await ShootAsync(page, "check-email", width);
            await page.GotoAsync(app.BaseUrl + await app.ConfirmationPathAsync(email));
            await ShootAsync(page, "confirm", width);
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my signature" }).ClickAsync();
            await Assertions.Expect(page.Locator(".confirmed")).ToBeVisibleAsync();
            await ShootAsync(page, "confirmed", width);
            await page.GotoAsync(app.BaseUrl + Signer.ManagePathIn(app.Smtp.To(email)[0]));
            await ShootAsync(page, "manage", width);
            await page.CloseAsync();
        }

        var admin = await app.CreateAdminAsync();
        var consolePage = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await new ConsolePage(consolePage, app.BaseUrl).SignInAsync(admin);
        foreach (var width in Widths)
        {
            await consolePage.SetViewportSizeAsync(width, 900);
            await consolePage.GotoAsync($"{app.BaseUrl}/admin/letters/{slug}");
            await ShootAsync(consolePage, "admin-dashboard", width);
            await consolePage.GotoAsync($"{app.BaseUrl}/admin/letters/{slug}/signatures");
            await ShootAsync(consolePage, "admin-review", width);
        }
    }

    /// <summary>A few confirmed signatories, and one signature not yet confirmed for the review queue.</summary>
    static async Task SeedAsync(PetitionApp app, string slug)
    {
        var client = app.Client();
        foreach (var (i, (name, title, organization, country)) in People.Index())
        {
            var email = $"signer{i}@example.org";
            var body = Signer.ApiBody(name, email, country);
            body["title"] = title;
            body["organization"] = organization;
            body["city"] = null;
            await client.SignByApiAsync(slug, body);
            await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        }
        await client.SignByApiAsync(slug, Signer.ApiBody("Olu Pending", "olu@example.org", "NG"));
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Petition.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Petition.sln not found above " + AppContext.BaseDirectory);
    }
}
