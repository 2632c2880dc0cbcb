using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Admin;

public class LetterEditorTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task An_admin_creates_a_letter_with_its_fields_and_previews_the_markdown()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var slug = Signer.Unique("new");
        var values = new Dictionary<string, string>
        {
            ["Input.Slug"] = slug, ["Input.Title"] = "Free the prisoners", ["Input.Recipients"] = "The Council",
            ["Input.Body"] = "We ask **you** to act.", ["Input.Goal"] = "500", ["Input.Status"] = "Open",
            ["Input.ModerationMode"] = "Pre", ["Input.Categories"] = "Physician\nLawyer",
            ["Input.Fields.Category.Mode"] = "Required", ["Input.Fields.Category.Public"] = "true",
            ["Input.Fields.City.Mode"] = "Hidden", ["Input.ClosesAt"] = "2027-01-31T18:00",
        };
        var form = await client.GetDocumentAsync("/admin/letters/new");
        var preview = await client.SubmitAsync(form, "/admin/letters/new", values, "form[method=post]:not(.staff-menu)", "button[formaction*=Preview]");
        var previewPage = await preview.ReadDocumentAsync();
        Assert.Equal("you", previewPage.QuerySelector(".preview strong")!.TextContent);
        Assert.False(await app.Db(db => db.Letters.AnyAsync(l => l.Slug == slug)));

        var page = await client.GetDocumentAsync("/admin/letters/new");
        var saved = await client.SubmitAsync(page, "/admin/letters/new", values, "form[method=post]:not(.staff-menu)");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var letter = await app.Db(db => db.Letters.Include(l => l.Versions).SingleAsync(l => l.Slug == slug));
        Assert.Equal(ModerationMode.Pre, letter.ModerationMode);
        Assert.Equal(["Physician", "Lawyer"], letter.Categories);
        Assert.Equal(new FieldRule(FieldMode.Required, true), letter.Fields.Category);
        Assert.Equal(new FieldRule(FieldMode.Hidden, false), letter.Fields.City);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 18, 0, 0, TimeSpan.Zero), letter.ClosesAt);
        Assert.Single(letter.Versions);
        Assert.True(await app.Db(db => db.Audit.AnyAsync(e => e.LetterId == letter.Id && e.Action == AuditActions.LetterCreated)));
    }

    [Fact]
    public async Task Editing_the_text_of_an_open_letter_makes_a_new_version_shown_on_the_public_page()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("edit"));
        var url = $"/admin/letters/{letter.Slug}/edit";
        var page = await client.GetDocumentAsync(url);
        var saved = await client.SubmitAsync(page, url, new Dictionary<string, string>
            { ["Input.Body"] = letter.Body + "\n\nA new closing paragraph.", ["Input.ChangeSummary"] = "Added a closing paragraph" },
            "form[method=post]:not(.staff-menu)");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stored = await app.Db(db => db.Letters.Include(l => l.Versions).SingleAsync(l => l.Id == letter.Id));
        Assert.Equal(2, stored.Version);
        Assert.Equal([1, 2], stored.Versions.Select(v => v.Version).Order());
        var entry = await app.Db(db => db.Audit.SingleAsync(e => e.LetterId == letter.Id && e.Action == AuditActions.LetterUpdated));
        Assert.Contains("\"version\":1", entry.Before);
        Assert.Contains("\"version\":2", entry.After);
        Assert.DoesNotContain("recipients", entry.After); // only what changed

        var versions = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}/versions");
        Assert.Contains("Added a closing paragraph", versions.QuerySelector("main")!.TextContent);
        Assert.Equal(2, versions.QuerySelectorAll("section.version").Length);
        var show = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.NotNull(show.QuerySelector($"a[href='/letters/{letter.Slug}/versions']"));
    }

    [Fact]
    public async Task A_taken_or_malformed_slug_is_refused_with_the_reason_next_to_the_field()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var page = await client.GetDocumentAsync("/admin/letters/new");
        var values = new Dictionary<string, string>
            { ["Input.Slug"] = "upr-accountability", ["Input.Title"] = "T", ["Input.Recipients"] = "R", ["Input.Body"] = "B" };
        var taken = await (await client.SubmitAsync(page, "/admin/letters/new", values, "form[method=post]:not(.staff-menu)")).ReadDocumentAsync();
        Assert.Contains("Another letter has this address", taken.QuerySelector(".error-summary")!.TextContent);
        values["Input.Slug"] = "Not A Slug";
        var malformed = await (await client.SubmitAsync(page, "/admin/letters/new", values, "form[method=post]:not(.staff-menu)")).ReadDocumentAsync();
        Assert.Contains("lower-case", malformed.QuerySelector(".error-summary")!.TextContent);
    }
}
