using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Recipients;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Recipients;

/// <summary>An admin builds a letter's recipients in the console, on each provider: imported, added, from the directory.</summary>
public abstract class RecipientConsoleTests(PetitionApp app)
{
    [Fact]
    public async Task A_file_of_193_missions_with_one_broken_line_imports_nothing_then_imports_all_once_fixed()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("missions"));
        var (csv, addresses) = RecipientPages.Missions($"{Signer.Unique("un")}.example");
        var lines = csv.Split('\n');
        lines[42] = lines[42].Replace("\"Permanent", "\"Permanent \"Broken\""); // line 43 of the file: a stray quote
        var preview = await admin.PreviewRecipientsAsync(letter.Slug, string.Join('\n', lines));
        Assert.Contains("double quote", preview.ResultOfLine(43));
        Assert.Equal(192, preview.QuerySelectorAll("tr.import-ready").Length);
        Assert.Null(preview.QuerySelector("form[action*='handler=Commit']"));
        Assert.Equal(0, await app.Db(db => db.Recipients.CountAsync(r => r.LetterId == letter.Id)));

        preview = await admin.PreviewRecipientsAsync(letter.Slug, csv);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitRecipientsAsync(preview, letter.Slug)).StatusCode);
        var recipients = await app.Db(db => db.Recipients.Where(r => r.LetterId == letter.Id).ToListAsync());
        Assert.Equal(193, recipients.Count);
        Assert.Equal(addresses.Order(), recipients.SelectMany(r => r.Emails).Order());
        Assert.Equal(193, recipients.Select(r => r.Country).Distinct().Count());
        Assert.Single(recipients, r => r.Language == "zh-Hans" && r.Country == "AI");
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letter.Id && a.Action == AuditActions.RecipientsImported && a.After!.Contains("\"added\":193"))));
        // Stored sealed: no address in any clear column.
        Assert.All(await app.Db(db => db.Recipients.Where(r => r.LetterId == letter.Id).Select(r => r.Sealed).ToListAsync()),
            bytes => Assert.DoesNotContain(addresses[0], System.Text.Encoding.UTF8.GetString(bytes!)));

        // The same file again: every line is already there, and nothing is added twice.
        preview = await admin.PreviewRecipientsAsync(letter.Slug, csv);
        Assert.Equal(193, preview.QuerySelectorAll("tr.import-alreadythere").Length);
        await admin.CommitRecipientsAsync(preview, letter.Slug);
        Assert.Equal(193, await app.Db(db => db.Recipients.CountAsync(r => r.LetterId == letter.Id)));
    }

    [Fact]
    public async Task Recipients_come_one_by_one_or_from_the_directory_and_an_address_is_never_given_twice()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("directory"));
        var domain = $"{Signer.Unique("missions")}.example";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.AddRecipientAsync(letter, "Permanent Mission of Ghana", $"gh@{domain}; gh.geneva@{domain}", "GH")).StatusCode);
        var twice = await admin.AddRecipientAsync(letter, "Ghana again", $"GH.Geneva@{domain}", "GH");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("already belongs to a recipient", (await twice.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var bad = await admin.AddRecipientAsync(letter, "", "nobody", "", "xx-nonsense");
        var errors = (await bad.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Give the recipient's name", errors);
        Assert.Contains("\"nobody\" is not an email address", errors);
        Assert.Contains("xx-nonsense", errors);

        var preview = await admin.PreviewRecipientsAsync(null, $"name,email,country,language\nPermanent Mission of Chile,cl@{domain},Chile,es\nPermanent Mission of Ghana,gh@{domain},GH,en\n");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitRecipientsAsync(preview, null)).StatusCode);
        var directory = await app.Db(db => db.RecipientDirectory.Where(e => e.Name.StartsWith("Permanent Mission of")).ToListAsync());
        var chile = directory.Single(e => e.Emails.Contains($"cl@{domain}"));
        var ghana = directory.Single(e => e.Emails.Contains($"gh@{domain}"));

        var page = await admin.GetDocumentAsync(RecipientPages.Page(letter.Slug));
        var added = await admin.SubmitAsync(page, RecipientPages.Page(letter.Slug),
            new Dictionary<string, string> { ["Entries"] = chile.Id.ToString() }, "form[action*='handler=FromDirectory']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        // Ghana's address is already a recipient's: ticked, it is not added again.
        page = await admin.GetDocumentAsync(RecipientPages.Page(letter.Slug));
        await admin.SubmitAsync(page, RecipientPages.Page(letter.Slug),
            new Dictionary<string, string> { ["Entries"] = ghana.Id.ToString() }, "form[action*='handler=FromDirectory']");
        var recipients = await app.Db(db => db.Recipients.Where(r => r.LetterId == letter.Id).OrderBy(r => r.Name).ToListAsync());
        Assert.Equal(["Permanent Mission of Chile", "Permanent Mission of Ghana"], recipients.Select(r => r.Name));
        Assert.Equal((chile.Id, "es", "CL"), (recipients[0].DirectoryEntryId!.Value, recipients[0].Language, recipients[0].Country));
        Assert.Equal(2, await app.Db(db => db.Audit.CountAsync(a => a.LetterId == letter.Id && a.Action == AuditActions.RecipientAdded)));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.Action == AuditActions.DirectoryImported)));
        // The audit names the recipient, never their addresses.
        Assert.False(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letter.Id && (a.After!.Contains(domain) || a.Detail!.Contains(domain)))));

        // Removing a recipient, and an entry of the directory, is audited too; the letter keeps its copy.
        page = await admin.GetDocumentAsync("/admin/recipients");
        var remove = $"form[action*='handler=Remove'][action*='id={chile.Id}']";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, page.QuerySelector(remove)!.GetAttribute("action")!, formSelector: remove)).StatusCode);
        Assert.True(await app.Db(db => db.Recipients.AnyAsync(r => r.LetterId == letter.Id && r.Name == "Permanent Mission of Chile" && r.DirectoryEntryId == null)));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.Action == AuditActions.DirectoryEntryRemoved)));
    }

    [Fact]
    public async Task A_moderator_and_an_anonymous_visitor_can_neither_see_nor_change_recipients()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("closed-door"));
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        foreach (var url in new[] { RecipientPages.Page(letter.Slug), RecipientPages.ImportPage(letter.Slug), "/admin/recipients", "/admin/recipients/import" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(url)).StatusCode);
            var anonymous = await app.Client().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);
        }
        var form = new Dictionary<string, string> { ["Input.Name"] = "Intruder", ["Input.Emails"] = "intruder@example.org" };
        foreach (var client in new[] { app.Client(), moderator })
        {
            var response = await client.PostAsync($"{RecipientPages.Page(letter.Slug)}?handler=Add", new FormUrlEncodedContent(form));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{response.StatusCode}");
            response = await client.PostAsync("/admin/recipients?handler=Add", new FormUrlEncodedContent(form));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{response.StatusCode}");
        }
        Assert.False(await app.Db(db => db.Recipients.AnyAsync(r => r.Name == "Intruder")));
        Assert.False(await app.Db(db => db.RecipientDirectory.AnyAsync(r => r.Name == "Intruder")));
    }
}

[Collection(SqliteRecipients.Name)]
public class SqliteRecipientConsoleTests(SqliteFixture fixture) : RecipientConsoleTests(fixture.App);

[Collection(PostgresRecipients.Name)]
public class PostgresRecipientConsoleTests(PostgresFixture fixture) : RecipientConsoleTests(fixture.App);
