using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// A notable signatory listed first renames himself through his manage link ("Nobel laureate" becomes a hoax name
/// shown on television): on a post-moderated letter, the change goes back to a moderator before it is shown.
/// A signer who withdraws is asked once, in the form, before anything is erased.
/// </summary>
public class NotableRenameTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<(long Id, string Manage, HttpClient Client)> ConfirmedAsync(bool notable)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("notable"));
        var email = $"{Signer.Unique("n")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Ada Laureate", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        var id = await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).Select(s => s.Id).SingleAsync());
        if (notable)
            await app.Db(db => db.Signatures.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Notable, true).SetProperty(x => x.NotableOrder, 1)));
        return (id, Signer.ManagePathIn(app.Smtp.To(email)[0]), client);
    }

    async Task RenameAsync(HttpClient client, string manage) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetDocumentAsync(manage), manage,
            new Dictionary<string, string> { ["Input.Name"] = "Someone Else Entirely" }, formSelector: "form[action$='/correct']")).StatusCode);

    [Fact]
    public async Task A_notable_signature_renamed_through_the_manage_link_goes_back_to_review()
    {
        var (id, manage, client) = await ConfirmedAsync(notable: true);
        await RenameAsync(client, manage);
        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.Id == id));
        Assert.Equal(SignatureState.AwaitingReview, signature.State);
        Assert.Null(signature.PublishedAt);
    }

    [Fact]
    public async Task An_ordinary_signature_on_a_post_moderated_letter_stays_published_after_a_correction()
    {
        var (id, manage, client) = await ConfirmedAsync(notable: false);
        await RenameAsync(client, manage);
        Assert.Equal(SignatureState.Published, await app.Db(db => db.Signatures.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task Withdrawing_without_ticking_that_you_mean_it_erases_nothing()
    {
        var (id, manage, client) = await ConfirmedAsync(notable: false);
        var page = await client.GetDocumentAsync(manage);
        Assert.NotNull(page.QuerySelector("form[action$='/withdraw'] input[type=checkbox][name=sure][required]"));
        var response = await client.SubmitAsync(page, manage, formSelector: "form[action$='/withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Nothing was withdrawn", (await client.GetDocumentAsync(response.Headers.Location!.OriginalString)).Body!.TextContent);
        Assert.Equal(SignatureState.Published, await app.Db(db => db.Signatures.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await client.WithdrawAsync(manage)).StatusCode);
        Assert.Equal(SignatureState.Withdrawn, await app.Db(db => db.Signatures.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));
    }
}
