using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
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
        Assert.False(await app.Db(db => db.Signatures.AnyAsync(s => s.Email == email)));
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
}
