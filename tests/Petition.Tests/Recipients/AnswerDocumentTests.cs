using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Recipients;

/// <summary>
/// Issue 13: an answer's attached document. Recorded by the organisers, sealed in the database, public only with a
/// public answer (as its text is), always a sandboxed download; a file that is not a PDF, PNG or JPEG is refused
/// at its field with the rest of the form kept.
/// </summary>
public abstract class AnswerDocumentTests(PetitionApp app)
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% the mission's reply: DOCUMENT-MARKER-7731\n%%EOF\n");

    async Task<HttpResponseMessage> RecordAsync(HttpClient admin, string url, Dictionary<string, string> values,
        (string Name, byte[] Content)? document = null) =>
        await admin.SubmitAsync(await admin.GetDocumentAsync(url), url, values, "form[action*='handler=Answer']",
            files: document is { } d ? new Dictionary<string, (string, byte[])> { ["Document"] = (d.Name, d.Content) } : []);

    [Fact]
    public async Task A_document_recorded_with_an_answer_is_sealed_and_public_only_with_a_public_answer()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("documents"));
        var domain = $"{Signer.Unique("un")}.example";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.AddRecipientAsync(letter, "Permanent Mission of Ghana", $"gh@{domain}", "GH")).StatusCode);
        var id = await app.Db(db => db.Recipients.Where(r => r.LetterId == letter.Id).Select(r => r.Id).SingleAsync());
        var url = $"{RecipientPages.Page(letter.Slug)}/{id}";
        var answer = new Dictionary<string, string> { ["Answer.Status"] = "Replied", ["Answer.AnsweredOn"] = "2026-11-20", ["Answer.Text"] = "See our letter." };

        // Not a PDF, whatever its name says: refused at its field, and what was typed is still there.
        var refused = await RecordAsync(admin, url, answer, ("reply.pdf", Encoding.ASCII.GetBytes("<html><script>alert(1)</script>")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("must be a PDF, PNG or JPEG", page.QuerySelector("#Document")!.ParentElement!.TextContent);
        Assert.Equal("See our letter.", page.QuerySelector("#Answer_Text")!.TextContent);
        Assert.Equal(0, await app.Db(db => db.AnswerDocuments.CountAsync()));

        // A private answer with its document: the organisers read it; the public and the API do not see it.
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, url, answer, (@"C:\scans\Ghana reply.pdf", Pdf))).StatusCode);
        var stored = await app.Db(db => db.AnswerDocuments.AsNoTracking().SingleAsync(d => d.RecipientId == id));
        Assert.Equal("Ghana reply.pdf", stored.FileName);
        Assert.DoesNotContain("DOCUMENT-MARKER-7731", Encoding.Latin1.GetString(stored.Sealed)); // a copy of the database shows nothing
        var own = await admin.GetAsync($"{url}?handler=Document");
        Assert.Equal(Pdf, await own.Content.ReadAsByteArrayAsync());
        var visitor = app.Visitor();
        var publicPath = $"/letters/{letter.Slug}/responses/{id}/document";
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(publicPath)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync($"{url}?handler=Document")).StatusCode); // the console's copy is the organisers'
        Assert.DoesNotContain("responses/", await visitor.GetStringAsync($"/api/letters/{letter.Slug}/responses"));

        // Made public: a download, in a sandbox, linked from the letter page and named by the API.
        answer["Answer.Public"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, url, answer)).StatusCode); // no new file: the recorded one stays
        var download = await visitor.GetAsync(publicPath);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        var letterPage = await visitor.GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Contains("(PDF, 1 KB)", letterPage.QuerySelector($"#responses a[href='{publicPath}']")!.TextContent);
        Assert.Contains($"http://petition.test{publicPath}", await visitor.GetStringAsync($"/api/letters/{letter.Slug}/responses"));
        // Another letter's path to the same recipient finds nothing.
        var other = await app.AddLetterAsync(Signer.Unique("other"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/letters/{other.Slug}/responses/{id}/document")).StatusCode);

        // Removed: gone for everyone, and the audit says so without its name.
        answer["RemoveDocument"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, url, answer)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(publicPath)).StatusCode);
        var audit = await app.Db(db => db.Audit.Where(e => e.LetterId == letter.Id).Select(e => e.Detail).ToListAsync());
        Assert.Contains(audit, d => d != null && d.Contains("document added (application/pdf"));
        Assert.Contains(audit, d => d != null && d.Contains("document removed"));
        Assert.DoesNotContain(audit, d => d != null && d.Contains("Ghana reply"));
    }
}

[Collection(SqliteRecipients.Name)]
public class SqliteAnswerDocumentTests(SqliteFixture fixture) : AnswerDocumentTests(fixture.App);

[Collection(PostgresRecipients.Name)]
public class PostgresAnswerDocumentTests(PostgresFixture fixture) : AnswerDocumentTests(fixture.App);
