using System.Net;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>The language switch goes back to a path on this site, whatever is typed after returnUrl, and never errs.</summary>
public class ReturnUrlTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Theory]
    [InlineData("/%C3%A9", "/%C3%A9")]
    [InlineData("/letters/upr-accountability?q=%E5%BC%A0", "/letters/upr-accountability?q=%E5%BC%A0")]
    [InlineData("/%E2%80%AE", "/%E2%80%AE")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%2F%2Fevil.example", "//evil.example")]
    public async Task The_switch_answers_a_redirect_to_a_local_path(string returnUrl, string expected)
    {
        var response = await app.Visitor().GetAsync($"/language/fr?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location);
        Assert.False(location.StartsWith("//") || location.StartsWith("/\\"), location);
        if (expected != "//evil.example")
            Assert.Equal(expected, location);
    }

    [Fact]
    public async Task The_cached_letter_page_does_not_hand_one_visitors_query_to_the_next()
    {
        // The first visitor fills the shared copy; nothing of their query may be in it (links, the form's action).
        var first = await app.Visitor().GetStringAsync("/letters/upr-accountability?utm_source=tracker-123");
        var second = await app.Visitor().GetStringAsync("/letters/upr-accountability");
        Assert.DoesNotContain("tracker-123", first);
        Assert.DoesNotContain("tracker-123", second);
    }
}
