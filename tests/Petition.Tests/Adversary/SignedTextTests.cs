using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>Open, back to draft, edit, open again: the words people signed are still the words of version 1.</summary>
public class SignedTextTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task A_signed_letter_put_back_to_draft_and_edited_keeps_its_signed_version()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("signed-text"));
        var signedBody = letter.Body;
        var email = $"{Signer.Unique("signed")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Signed Before", email));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());

        await SaveAsync(admin, letter.Slug, new() { ["Input.Status"] = "Draft" });
        await SaveAsync(admin, letter.Slug, new() { ["Input.Body"] = "Words nobody signed.", ["Input.ChangeSummary"] = "Rewritten" });
        await SaveAsync(admin, letter.Slug, new() { ["Input.Status"] = "Open" });

        var versions = await app.Db(db => db.LetterVersions.Where(v => v.LetterId == letter.Id).OrderBy(v => v.Version).ToListAsync());
        Assert.Equal(signedBody, versions[0].Body);
        Assert.Equal("Words nobody signed.", versions[^1].Body);
        Assert.True(versions.Count >= 2);
        var page = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}/versions");
        Assert.Contains(signedBody.Split('\n')[0].Trim(), page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Whom_a_signed_letter_is_addressed_to_changes_only_as_a_new_version()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("addressee"), l =>
            l.Versions.Add(new LetterVersion { Version = 1, Title = l.Title, Body = l.Body, Recipients = l.Recipients, CreatedAt = l.CreatedAt }));
        var signedTo = letter.Recipients;
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Signed To", $"{Signer.Unique("to")}@example.org"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());

        await SaveAsync(admin, letter.Slug, new() { ["Input.Recipients"] = "The Government of Elsewhere" });

        var versions = await app.Db(db => db.LetterVersions.Where(v => v.LetterId == letter.Id).OrderBy(v => v.Version).ToListAsync());
        Assert.Equal([signedTo, "The Government of Elsewhere"], versions.Select(v => v.Recipients));
        Assert.Equal(letter.Body, versions[1].Body);
        var first = Exports.ExportFiles.PdfText(await app.Visitor().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf?version=1"));
        Assert.Contains("To: The Permanent Missions", first); // the sample's addressee, as signed
        Assert.DoesNotContain("Elsewhere", first);
        await Assert.ThrowsAsync<SignedTextException>(() => app.Db(async db =>
        {
            (await db.LetterVersions.SingleAsync(v => v.LetterId == letter.Id && v.Version == 1)).Recipients = "Someone else";
            return await db.SaveChangesAsync();
        }));
    }

    static async Task SaveAsync(HttpClient admin, string slug, Dictionary<string, string> values)
    {
        var url = $"/admin/letters/{slug}/edit";
        var page = await admin.GetDocumentAsync(url);
        var saved = await admin.SubmitAsync(page, url, values, "form[method=post]:not(.staff-menu)");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task No_code_path_can_save_a_rewritten_signed_version()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("guarded"),
            l => l.Versions.Add(new LetterVersion { Version = 1, Title = l.Title, Body = l.Body, CreatedAt = l.CreatedAt }));
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Signed Guard", $"{Signer.Unique("guard")}@example.org"));
        await Assert.ThrowsAsync<SignedTextException>(() => app.Db(async db =>
        {
            var version = await db.LetterVersions.SingleAsync(v => v.LetterId == letter.Id && v.Version == 1);
            version.Body = "Quietly changed.";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<SignedTextException>(() => app.Db(async db =>
        {
            db.LetterVersions.Remove(await db.LetterVersions.SingleAsync(v => v.LetterId == letter.Id && v.Version == 1));
            return await db.SaveChangesAsync();
        }));
    }
}
