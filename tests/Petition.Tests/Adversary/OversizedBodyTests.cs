using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>A body larger than any form of the site is refused with 413 before it is read, and nothing is kept.</summary>
public class OversizedBodyTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task A_huge_sign_request_gets_413_as_a_problem_and_stores_nothing()
    {
        var email = $"{Signer.Unique("huge")}@example.org";
        var json = $"{{\"name\":\"Huge Body\",\"email\":\"{email}\",\"comment\":\"{new string('x', 2 * 1024 * 1024)}\"}}";
        var response = await app.Client().PostAsync("/api/letters/upr-accountability/signatures",
            new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.Db(db => db.Signatures.AnyAsync(s => s.EmailHash == app.AddressHash(email))));
    }

    [Theory]
    [InlineData("/letters/upr-accountability")]
    [InlineData("/manage/some-token")]
    [InlineData("/confirm/some-token")]
    [InlineData("/account/login")]
    public async Task A_huge_form_post_gets_413(string path)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = new string('x', 200 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await app.Client().PostAsync(path, form)).StatusCode);
    }

    [Fact]
    public async Task The_letter_editor_still_takes_a_long_letter_in_any_script()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("long"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var url = $"/admin/letters/{letter.Slug}/edit";
        var page = await admin.GetDocumentAsync(url);
        var body = string.Concat(Enumerable.Repeat("国际人权审议呼吁书。", 9_000)); // 90,000 characters, 270 KB in UTF-8
        var saved = await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.Body"] = body, ["Input.ChangeSummary"] = "Long" },
            "form[method=post]:not(.staff-menu)");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(body, await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).Select(l => l.Body).SingleAsync()));
    }
}
