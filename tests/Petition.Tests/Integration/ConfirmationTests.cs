using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public class ConfirmationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task An_expired_link_says_so_and_publishes_nothing()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("expired"));
        var client = app.Client();
        var email = $"{Signer.Unique("late")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Late Signer", email));
        var link = await app.ConfirmationPathAsync(email);

        var page = await client.GetDocumentAsync(link); // the form, fetched while the link still works
        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1)); // past the link's life, before the purge
        var response = await client.SubmitAsync(page, link);

        Assert.Contains("expired", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.Letter.Slug == letter.Slug));
        Assert.Equal(SignatureState.Unverified, signature.State);
    }

    [Fact]
    public async Task A_used_link_says_it_is_already_confirmed()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("used"));
        var client = app.Client();
        var email = $"{Signer.Unique("used")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Used Link", email));
        var link = await app.ConfirmationPathAsync(email);
        await client.ConfirmAsync(link);

        var again = await client.GetDocumentAsync(link);
        Assert.Contains("Already confirmed", again.QuerySelector("h1")!.TextContent);
        Assert.Null(again.QuerySelector("main form"));
    }

    [Theory]
    [InlineData("/confirm/not-a-token")]
    [InlineData("/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_link_gets_a_clear_404_page(string path)
    {
        var response = await app.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("do not recognise", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_confirm_post_without_the_forms_token_is_refused()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("csrf"));
        var client = app.Client();
        var email = $"{Signer.Unique("csrf")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Forged Post", email));
        var link = await app.ConfirmationPathAsync(email);

        var response = await client.PostAsync(link, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SignatureState.Unverified,
            await app.Db(db => db.Signatures.Where(s => s.Letter.Slug == letter.Slug).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task On_a_pre_moderated_letter_a_confirmed_signature_waits_for_review()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("pre"), l => l.ModerationMode = ModerationMode.Pre);
        var client = app.Client();
        var email = $"{Signer.Unique("pre")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Awaiting Review", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));

        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.Letter.Slug == letter.Slug));
        Assert.Equal(SignatureState.AwaitingReview, signature.State);
        Assert.NotNull(signature.ConfirmedAt);
        Assert.Null(signature.PublishedAt);
        var list = await client.SignatoriesPageAsync(letter.Slug);
        Assert.DoesNotContain("Awaiting Review", list.Body!.TextContent);
    }

    [Fact]
    public async Task One_signature_causes_a_bounded_number_of_emails()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("cap"));
        var client = app.Client();
        var email = $"{Signer.Unique("cap")}@example.org";
        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Flooded", email))).StatusCode);

        Assert.Equal(5, await app.Db(db => db.Outbox.CountAsync(m => m.ToHash == app.RecipientHash(email))));
    }
}
