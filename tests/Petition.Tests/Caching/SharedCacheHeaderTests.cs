using System.Net;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Caching;

/// <summary>What a CDN or a shared proxy may keep: what everyone sees alike, for seconds; nothing personal, ever.</summary>
public class SharedCacheHeaderTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Theory]
    [InlineData("/letters/upr-accountability", true)]
    [InlineData("/letters/upr-accountability/embed", true)]
    [InlineData("/api/letters", false)]
    [InlineData("/api/letters/upr-accountability", false)]
    [InlineData("/api/letters/upr-accountability/count", false)]
    [InlineData("/api/letters/upr-accountability/signatures", false)]
    public async Task What_everyone_sees_alike_is_public_for_a_few_seconds(string path, bool byLanguage)
    {
        var response = await app.Visitor().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public, path);
        Assert.InRange(cacheControl.SharedMaxAge!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Contains("stale-while-revalidate", cacheControl.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"), path);
        Assert.Equal(byLanguage, response.Headers.Vary.Contains("Accept-Language"));
    }

    [Theory]
    [InlineData("/letters/upr-accountability/check-email")]
    [InlineData("/letters/upr-accountability/privacy")]
    [InlineData("/manage/not-a-real-token")]
    [InlineData("/confirm/not-a-real-token")]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    [InlineData("/no/such/page")]
    public async Task Everything_else_is_private_and_never_stored(string path)
    {
        var response = await app.Visitor().GetAsync(path);
        var cacheControl = response.Headers.CacheControl!;
        // A form with an antiforgery token says "no-cache, no-store" of itself: no cache keeps it either way.
        Assert.True(cacheControl.NoStore && !cacheControl.Public, $"{path}: {cacheControl}");
    }

    [Fact]
    public async Task A_visitor_with_a_session_gets_the_letter_page_privately()
    {
        var staff = await app.SignInAsync(await app.CreateAdminAsync());
        var response = await staff.GetAsync("/letters/upr-accountability");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Public: false, NoStore: true }, response.Headers.CacheControl?.ToString());

        var withCookie = app.Visitor();
        withCookie.DefaultRequestHeaders.Add("Cookie", "other=1");
        Assert.True((await withCookie.GetAsync("/letters/upr-accountability")).Headers.CacheControl is { Private: true });
    }
}
