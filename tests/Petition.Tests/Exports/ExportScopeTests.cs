using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Exports;

/// <summary>Who may download which list, what each list holds, and the audit log's record of every non-public one.</summary>
public class ExportScopeTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    static string Download(string slug, string scope, string format = "Csv", string filter = "") =>
        $"/admin/letters/{slug}/export?handler=Download&scope={scope}&format={format}{filter}";

    async Task<(string Slug, int LetterId)> LetterAsync()
    {
        var letter = await app.PreModeratedLetterAsync("scopes");
        await app.SignaturesAsync(letter, 2, SignatureState.Published, domain: "published.example");
        await app.SignaturesAsync(letter, 3, SignatureState.AwaitingReview, domain: "waiting.example");
        await app.SignaturesAsync(letter, 1, SignatureState.Rejected, domain: "rejected.example",
            configure: (s, _) => s.ModerationReason = "Not a real name");
        return (letter.Slug, letter.Id);
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_download_the_moderation_or_full_list()
    {
        var (slug, _) = await LetterAsync();
        foreach (var scope in new[] { "Moderation", "Full" })
        {
            var response = await app.Client().GetAsync(Download(slug, scope));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath, ignoreCase: true);
        }
    }

    [Fact]
    public async Task A_moderator_gets_the_moderation_list_without_emails_and_is_refused_the_full_list()
    {
        var (slug, letterId) = await LetterAsync();
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(Download(slug, "Full"))).StatusCode);

        var response = await moderator.GetAsync(Download(slug, "Moderation"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.Table("csv", await response.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Email", rows[0]);
        Assert.Contains("State", rows[0]);
        Assert.Equal(6, rows.Count - 1);
        Assert.DoesNotContain(rows, r => r.Any(c => c.Contains('@')));
        var reason = Array.IndexOf(rows[0], "Reason");
        Assert.Contains(rows, r => r[reason] == "Not a real name");

        var waiting = ExportFiles.Table("csv", await (await moderator.GetAsync(Download(slug, "Moderation", filter: "&filter.state=AwaitingReview"))).Content.ReadAsByteArrayAsync());
        Assert.Equal(3, waiting.Count - 1);

        var entries = await app.Db(db => db.Audit.Where(a => a.LetterId == letterId && a.Action == AuditActions.SignaturesExported).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains("\"scope\":\"moderation\"", e.After));
        Assert.Contains(entries, e => e.After!.Contains("\"signatures\":3") && e.After.Contains("state=AwaitingReview"));
    }

    [Fact]
    public async Task An_admin_gets_the_full_list_with_emails_and_the_audit_log_records_its_digest()
    {
        var (slug, letterId) = await LetterAsync();
        var admin = await app.SignInAsync(await app.CreateAdminAsync());

        var response = await admin.GetAsync(Download(slug, "Full", "Json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await response.Content.ReadAsByteArrayAsync();
        using var json = ExportFiles.Json(file);
        var signatures = json.RootElement.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(6, signatures.Count);
        Assert.All(signatures, s => Assert.Contains("@", s.GetProperty("email").GetString()));

        var entry = await app.Db(db => db.Audit.SingleAsync(a => a.LetterId == letterId && a.Action == AuditActions.SignaturesExported));
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), entry.After);
        Assert.Contains("\"scope\":\"full\"", entry.After);
    }

    [Theory]
    [InlineData("Moderation")]
    [InlineData("Full")]
    public async Task The_moderation_and_full_lists_read_back_from_a_workbook_as_from_the_csv(string scope)
    {
        var (slug, letterId) = await LetterAsync();
        var letter = await app.Db(db => db.Letters.SingleAsync(l => l.Id == letterId));
        await app.SignaturesAsync(letter, 1, SignatureState.AwaitingReview, domain: "formula.example",
            configure: (s, _) => { s.Name = "\t=cmd|' /C calc'!A0"; s.Organization = "@SUM(A1)"; s.Comment = "\r-2+3"; });
        var admin = await app.SignInAsync(await app.CreateAdminAsync());

        var workbook = ExportFiles.Table("xlsx", await (await admin.GetAsync(Download(slug, scope, "Xlsx"))).Content.ReadAsByteArrayAsync());
        var csv = ExportFiles.Table("csv", await (await admin.GetAsync(Download(slug, scope, "Csv"))).Content.ReadAsByteArrayAsync());

        // The same table in both, but for line breaks: XML reads a workbook's carriage return as a line feed.
        Assert.Equal(csv.Select(r => r.Select(c => c.ReplaceLineEndings("\n"))), workbook.Select(r => r.Select(c => c.ReplaceLineEndings("\n"))));
        var header = workbook[0];
        Assert.Equal(scope == "Full", header.Contains("Email"));
        Assert.Contains("State", header);
        Assert.Equal(7, workbook.Count - 1);
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        Assert.Contains(workbook, r => Cell(r, "State") == "Rejected" && Cell(r, "Reason") == "Not a real name");
        Assert.All(workbook.Skip(1), r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", Cell(r, "Signed")));
        var formula = workbook.Single(r => Cell(r, "Name").Contains("cmd"));
        Assert.Equal("'\t=cmd|' /C calc'!A0", Cell(formula, "Name"));
        Assert.Equal("'@SUM(A1)", Cell(formula, "Organisation"));
        Assert.Equal("'\n-2+3", Cell(formula, "Comment"));
        if (scope == "Full")
            Assert.EndsWith("@formula.example", Cell(formula, "Email"));
    }

    [Fact]
    public async Task The_public_list_from_the_console_is_the_public_list_and_leaves_no_audit_entry()
    {
        var (slug, letterId) = await LetterAsync();
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var rows = ExportFiles.Table("csv", await (await moderator.GetAsync(Download(slug, "Public"))).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, rows.Count - 1);
        Assert.False(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letterId && a.Action == AuditActions.SignaturesExported)));
    }

    [Fact]
    public async Task A_date_that_is_not_one_is_shown_beside_its_field_as_typed_and_no_file_is_made()
    {
        var (slug, letterId) = await LetterAsync();
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());

        var response = await moderator.GetAsync(Download(slug, "Moderation", filter: "&filter.from=27%2F11%2F2026&filter.to=2026-12-01"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.ReadDocumentAsync();
        var from = page.QuerySelector("#Filter_From")!;
        Assert.Equal("27/11/2026", from.GetAttribute("value"));
        Assert.Contains("\"27/11/2026\" is not a date", page.QuerySelector("#Filter_From_error")!.TextContent);
        Assert.Contains("Filter_From_error", from.GetAttribute("aria-describedby"));
        Assert.Equal("2026-12-01", page.QuerySelector("#Filter_To")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Filter_To_error"));
        // The summary's link leads to the field.
        Assert.Equal("#Filter_From", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.False(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letterId && a.Action == AuditActions.SignaturesExported)));
    }

    [Fact]
    public async Task The_public_list_is_narrowed_by_the_date_it_shows_and_the_moderation_list_by_the_date_of_signing()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("dates"));
        var day = (int d) => new DateTimeOffset(2026, 11, d, 9, 0, 0, TimeSpan.Zero);
        // Signed on the 1st, published on the 20th (a long review); signed and published on the 20th.
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => { s.Name = "Reviewed Long"; s.CreatedAt = day(1); s.PublishedAt = day(20); });
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => { s.Name = "Published Soon"; s.CreatedAt = day(20); s.PublishedAt = day(20); });
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        const string fromThe15th = "&filter.from=2026-11-15";

        var publicRows = ExportFiles.Table("csv", await (await moderator.GetAsync(Download(letter.Slug, "Public", filter: fromThe15th))).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Published Soon", "Reviewed Long"], publicRows.Skip(1).Select(r => r[0]).Order());
        Assert.All(publicRows.Skip(1), r => Assert.Equal("2026-11-20T09:00:00Z", r[Array.IndexOf(publicRows[0], "Signed")]));
        using (var json = ExportFiles.Json(await app.Client().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.json?from=2026-11-15")))
        {
            Assert.Equal(2, json.RootElement.GetProperty("count").GetInt32());
            Assert.Equal("published from=2026-11-15 00:00:00Z", json.RootElement.GetProperty("filter").GetString());
        }

        var moderationRows = ExportFiles.Table("csv", await (await moderator.GetAsync(Download(letter.Slug, "Moderation", filter: fromThe15th))).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Published Soon"], moderationRows.Skip(1).Select(r => r[Array.IndexOf(moderationRows[0], "Name")]));
        var entry = await app.Db(db => db.Audit.SingleAsync(a => a.LetterId == letter.Id && a.Action == AuditActions.SignaturesExported));
        Assert.Contains("signed from=2026-11-15 00:00:00Z", entry.After);
    }

    [Fact]
    public async Task The_export_page_offers_the_full_list_to_admins_only()
    {
        var (slug, _) = await LetterAsync();
        var moderatorPage = await (await app.SignInAsync(await app.CreateModeratorAsync())).GetDocumentAsync($"/admin/letters/{slug}/export");
        Assert.Null(moderatorPage.QuerySelector("#scope-full"));
        Assert.NotNull(moderatorPage.QuerySelector("#scope-moderation"));
        var adminPage = await (await app.SignInAsync(await app.CreateAdminAsync())).GetDocumentAsync($"/admin/letters/{slug}/export");
        Assert.NotNull(adminPage.QuerySelector("#scope-full"));
    }
}
