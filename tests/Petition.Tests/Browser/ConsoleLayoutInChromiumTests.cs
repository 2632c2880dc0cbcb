using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Browser;

/// <summary>The console as an organiser sees it at 1280 px and on a 390 px phone, and the public list on the phone.</summary>
public class ConsoleLayoutInChromiumTests
{
    [Fact]
    public async Task At_1280_px_the_console_tables_fit_states_read_as_words_and_the_audit_log_stays_compact()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var admin = await app.CreateAdminAsync();
        for (var i = 0; i < 3; i++)
        {
            var email = $"{Signer.Unique("layout")}@example.org";
            await app.Client().SignByApiAsync("upr-accountability", Signer.ApiBody($"Layout Signer {i}", email));
        }
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var console = new ConsolePage(page, app.BaseUrl);
        await console.SignInAsync(admin);

        // Many decisions make many audit entries, each with before and after in JSON.
        var json = "{" + string.Join(",", Enumerable.Range(0, 30).Select(i => $"\"field{i}\":\"a value long enough to wrap {i}\"")) + "}";
        await app.Db(async db =>
        {
            for (var i = 0; i < 22; i++)
                db.Audit.Add(new() { At = new DateTimeOffset(2026, 12, 1, 10, i, 0, TimeSpan.Zero), Actor = "admin@example.org", Action = "signature.correct", Before = json, After = json });
            await db.SaveChangesAsync();
            return 0;
        });
        await console.OpenQueueAsync("upr-accountability", "?state=Unverified");
        Assert.Equal(0, await page.Locator("td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^AwaitingReview$|^Unverified$") }).CountAsync());

        foreach (var path in new[] { "/admin/letters/upr-accountability/signatures", "/admin/audit", "/admin/users",
                     "/admin/letters/upr-accountability" })
        {
            await page.GotoAsync(app.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the window");
            Assert.True(await page.Locator("nav.admin-nav, .admin-nav").CountAsync() > 0, $"{path} lacks the console's navigation");
        }

        await page.GotoAsync(app.BaseUrl + "/admin/letters/upr-accountability");
        await Assertions.Expect(page.Locator("th[scope=row]", new() { HasText = "Not confirmed" })).ToHaveCountAsync(1);
        var chart = await page.EvaluateAsync<bool>("""
            () => { const svg = document.querySelector('svg.chart'); if (!svg) return true;
                     const box = svg.getBoundingClientRect();
                     return [...svg.querySelectorAll('text')].every(t => t.getBoundingClientRect().right <= box.right + 0.5); }
            """);
        Assert.True(chart, "a label of the dashboard's chart is cut at its right edge");

        await page.GotoAsync(app.BaseUrl + "/admin/audit");
        var tallest = await page.EvaluateAsync<double>("() => Math.max(0, ...[...document.querySelectorAll('table.audit tbody tr')].map(r => r.getBoundingClientRect().height))");
        Assert.True(tallest < 120, $"an audit row is {tallest} px tall");
    }

    [Fact]
    public async Task At_390_px_the_public_list_fits_the_phone()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var email = $"{Signer.Unique("phone")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync("upr-accountability", Signer.ApiBody("Maximiliana Wolkenstein-Oberhauser", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));

        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync(app.BaseUrl + "/letters/upr-accountability/signatories");
        await Assertions.Expect(page.GetByText("Maximiliana Wolkenstein-Oberhauser")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the signatory list is {overflow} px wider than the phone");
    }

    [Fact]
    public async Task At_390_px_every_console_page_fits_the_phone_its_wide_tables_scrolling_inside()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var admin = await app.CreateAdminAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var console = new ConsolePage(page, app.BaseUrl);
        await console.SignInAsync(admin);
        // A recipient with a long name and a delivery, so the recipients' and the delivery's tables have rows.
        var recipient = await app.Db(async db =>
        {
            var letter = await db.Letters.SingleAsync(l => l.Slug == "upr-accountability");
            var added = new Petition.Data.Recipients.Recipient
            {
                LetterId = letter.Id, Name = "Permanent Mission of the United Kingdom of Great Britain and Northern Ireland to the United Nations Office at Geneva",
                Emails = ["permanent.mission.of.the.united.kingdom@fcdo.example.gov.uk"], Country = "GB",
            };
            db.Recipients.Add(added);
            await db.SaveChangesAsync();
            db.Deliveries.Add(new Petition.Data.Recipients.Delivery
            {
                LetterId = letter.Id, RequestId = Guid.NewGuid(), CreatedBy = admin.Email, CreatedAt = app.Clock.GetUtcNow(),
                LinksExpireAt = app.Clock.GetUtcNow().AddDays(60), Packs = [new() { RecipientId = added.Id, TokenHash = new byte[32] }],
            });
            await db.SaveChangesAsync();
            return added;
        });

        foreach (var path in new[] { "/admin", "/admin/letters/upr-accountability", "/admin/letters/upr-accountability/signatures",
                     "/admin/letters/upr-accountability/edit", "/admin/letters/upr-accountability/translations",
                     "/admin/letters/upr-accountability/export", "/admin/letters/upr-accountability/import",
                     "/admin/letters/upr-accountability/signals", "/admin/audit", "/admin/users", "/admin/trust",
                     "/admin/letters/upr-accountability/recipients", $"/admin/letters/upr-accountability/recipients/{recipient.Id}",
                     "/admin/letters/upr-accountability/recipients/import", "/admin/letters/upr-accountability/delivery", "/admin/letters/upr-accountability/updates",
                     "/admin/recipients", "/admin/recipients/import" })
        {
            await page.GotoAsync(app.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            var widest = overflow <= 0 ? "" : await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth && !e.closest('.admin-table')).map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 8).join(' ')");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the phone: {widest}");
        }
    }
}
