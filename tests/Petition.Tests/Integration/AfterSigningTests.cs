using System.Net;
using Petition.Data.Letters;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>What a signer sees between pressing "Sign" and sharing the letter: the check-email page, then their place.</summary>
public class AfterSigningTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task The_check_email_page_shows_the_address_used_masked_to_that_browser_alone()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("masked"));
        var client = app.Client();
        var local = Signer.Unique("jane");
        var email = $"{local}@example.org";

        var signed = await client.SignByFormAsync(letter.Slug, Signer.FormValues("Jane Masked", email));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var location = signed.Headers.Location!.OriginalString;
        Assert.DoesNotContain(local, location);
        Assert.DoesNotContain("example", location);

        var response = await client.GetAsync(location);
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("j•••@e•••.org", page.QuerySelector(".sent-to strong")!.TextContent);
        Assert.DoesNotContain(local, html);
        var resend = page.QuerySelector(".resend a")!;
        Assert.Equal($"/letters/{letter.Slug}#sign", resend.GetAttribute("href"));
        Assert.Contains("same address", resend.TextContent);

        // Another browser at the same address learns nothing; nor does this one on a second look.
        var stranger = await app.Client().GetDocumentAsync(location);
        Assert.Null(stranger.QuerySelector(".sent-to"));
        Assert.Null((await client.GetDocumentAsync(location)).QuerySelector(".sent-to"));
    }

    [Fact]
    public async Task After_confirming_the_signer_sees_their_place_and_the_ways_to_share()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("place"));
        var first = $"{Signer.Unique("first")}@example.org";
        var second = $"{Signer.Unique("second")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("First Signer", first));
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Second Signer", second));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(first));

        var signer = app.Client();
        var confirmed = await signer.ConfirmAsync(await app.ConfirmationPathAsync(second));
        var page = await signer.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);

        Assert.Equal("Thank you: your signature is confirmed and counted. You are signatory 2.",
            page.QuerySelector(".confirmed [role=status]")!.TextContent.Trim());
        Assert.Equal($"http://petition.test/letters/{letter.Slug}", page.QuerySelector(".confirmed #share-url")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelectorAll(".confirmed .share-links a"));
        // The thanks are the signer's alone: the list as anyone else sees it has none.
        Assert.Null((await app.Client().SignatoriesPageAsync(letter.Slug)).QuerySelector(".confirmed"));
    }

    [Fact]
    public async Task A_signature_that_awaits_review_is_told_it_will_appear_once_reviewed_instead_of_a_place()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("review"), l => l.ModerationMode = ModerationMode.Pre);
        var email = $"{Signer.Unique("pending")}@example.org";
        var signer = app.Client();
        await signer.SignByApiAsync(letter.Slug, Signer.ApiBody("Pending Signer", email));

        var confirmed = await signer.ConfirmAsync(await app.ConfirmationPathAsync(email));
        var page = await signer.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);

        var status = page.QuerySelector(".confirmed [role=status]")!.TextContent;
        Assert.Contains("It will appear here once it has been reviewed.", status);
        Assert.DoesNotContain("signatory", status);
        Assert.NotNull(page.QuerySelector(".confirmed #share-url"));
    }
}
