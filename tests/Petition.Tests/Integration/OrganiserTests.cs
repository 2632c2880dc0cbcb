using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>
/// Who is behind the letter, as an organiser sets it in the editor and as signers and recipients then meet it: the
/// letter page, the privacy notice's data controller, the emails' sender and words, the thank-you, the PDF, the logo.
/// </summary>
public class OrganiserTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    async Task<(HttpClient Admin, string Slug)> LetterWithOrganiserAsync()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("org"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var url = $"/admin/letters/{letter.Slug}/edit";
        var saved = await admin.SubmitAsync(await admin.GetDocumentAsync(url), url, new Dictionary<string, string>
        {
            ["Input.Organiser.Name"] = "Geneva Rights Watch",
            ["Input.Organiser.Email"] = "letters@grw.example",
            ["Input.Organiser.Website"] = "https://grw.example",
            ["Input.Organiser.LegalNotice"] = "Geneva Rights Watch, association under Swiss law, Rue du Lac 1, 1201 Geneva.",
            ["Input.Organiser.ConfirmationMessage"] = "Thank you for standing with the detainees.",
            ["Input.Organiser.ThankYouMessage"] = "We deliver the letter on 10 December.",
        }, "form[method=post]:not(.staff-menu)");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (admin, letter.Slug);
    }

    [Fact]
    public async Task The_organiser_is_named_on_the_letter_its_privacy_notice_its_emails_and_its_pdf()
    {
        var (_, slug) = await LetterWithOrganiserAsync();

        var page = await app.Visitor().GetDocumentAsync($"/letters/{slug}");
        var aside = page.QuerySelector("aside.organiser")!;
        Assert.Contains("Published by", aside.TextContent);
        Assert.Equal("https://grw.example", aside.QuerySelector("a[href^=https]")!.GetAttribute("href"));
        Assert.NotNull(aside.QuerySelector("a[href='mailto:letters@grw.example']"));

        var privacy = (await app.Visitor().GetDocumentAsync($"/letters/{slug}/privacy")).QuerySelector("main")!.TextContent;
        Assert.Contains("The data controller is Geneva Rights Watch, the organisation that publishes this letter.", privacy);
        Assert.Contains("Write to letters@grw.example about your data.", privacy);
        Assert.Contains("association under Swiss law, Rue du Lac 1", privacy);

        var email = $"{Signer.Unique("org")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(slug, Signer.ApiBody("Léa <b>Martin</b>", email))).StatusCode);
        var path = await app.ConfirmationPathAsync(email);
        var message = app.Smtp.To(email).Single();
        Assert.Equal("Geneva Rights Watch", message.From.Mailboxes.Single().Name);
        Assert.Equal("letters@grw.example", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains("Thank you for standing with the detainees.", message.TextBody);
        // The HTML part says the same, escaped: what a signer typed never becomes markup.
        Assert.Contains("&lt;b&gt;Martin&lt;/b&gt;", message.HtmlBody);
        Assert.DoesNotContain("<b>", message.HtmlBody);
        Assert.Contains($"href=\"http://petition.test{path}\"", message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody);

        var confirmer = app.Client();
        var confirmed = await confirmer.ConfirmAsync(path);
        var landing = await confirmer.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Contains("We deliver the letter on 10 December.", landing.QuerySelector("main")!.TextContent);

        var pdf = ExportFiles.PdfText(await app.Visitor().GetByteArrayAsync($"/api/letters/{slug}/signatures.pdf"));
        Assert.StartsWith("Geneva Rights Watch", pdf.TrimStart());
    }

    [Fact]
    public async Task A_logo_is_a_png_or_jpeg_served_by_the_site_and_anything_else_is_refused()
    {
        var (admin, slug) = await LetterWithOrganiserAsync();
        async Task<HttpResponseMessage> UploadAsync(byte[] content, string type)
        {
            var page = await admin.GetDocumentAsync($"/admin/letters/{slug}/edit");
            var token = page.QuerySelector("#logo input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "logo", "logo" } };
            return await admin.PostAsync($"/admin/letters/{slug}/edit?handler=Logo", form);
        }

        // An SVG that claims to be a PNG is refused and nothing is served.
        await UploadAsync("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(), "image/png");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync($"/letters/{slug}/logo")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(Png, "image/png")).StatusCode);
        var logo = await app.Visitor().GetAsync($"/letters/{slug}/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        // Everyone sees the same picture: a shared cache may hold it, as it holds the letter.
        Assert.True(logo.Headers.CacheControl is { Public: true }, $"Cache-Control: {logo.Headers.CacheControl}");
        var page = await app.Visitor().GetDocumentAsync($"/letters/{slug}");
        Assert.StartsWith($"/letters/{slug}/logo", page.QuerySelector("aside.organiser img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task The_name_and_contact_that_go_into_mail_headers_are_one_line()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("hdr"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var url = $"/admin/letters/{letter.Slug}/edit";
        await admin.SubmitAsync(await admin.GetDocumentAsync(url), url, new Dictionary<string, string>
            { ["Input.Organiser.Name"] = "Rights Watch\r\nBcc: everyone@example.org" }, "form[method=post]:not(.staff-menu)");
        var name = await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.Organiser.Name).SingleAsync());
        Assert.Equal("Rights Watch  Bcc: everyone@example.org", name);
    }
}
