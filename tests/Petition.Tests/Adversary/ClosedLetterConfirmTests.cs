using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// A campaign collects unconfirmed signatures, waits for the letter to close (or go back to draft), then presses the
/// links: the count must not move after the letter stopped taking names.
/// </summary>
public class ClosedLetterConfirmTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Theory]
    [InlineData(LetterStatus.Closed)]
    [InlineData(LetterStatus.Draft)]
    public async Task A_link_pressed_after_the_letter_stopped_taking_names_is_refused_with_a_clear_page(LetterStatus status)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("closing"));
        var client = app.Client();
        var email = $"{Signer.Unique("late")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Late Confirmer", email));
        var link = await app.ConfirmationPathAsync(email);
        var page = await client.GetDocumentAsync(link);
        await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Status, status)));

        var response = await client.SubmitAsync(page, link);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not open for signatures", (await response.ReadDocumentAsync()).Body!.TextContent);
        Assert.Equal(SignatureState.Unverified, await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task A_link_pressed_after_the_closing_time_is_refused_too()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("closes"), l => l.ClosesAt = app.Clock.GetUtcNow().AddHours(1));
        var client = app.Client();
        var email = $"{Signer.Unique("late")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Late Confirmer", email));
        var link = await app.ConfirmationPathAsync(email);
        var page = await client.GetDocumentAsync(link);
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Conflict, (await client.SubmitAsync(page, link)).StatusCode);
        Assert.Contains("not open for signatures", (await client.GetDocumentAsync(link)).Body!.TextContent);
        Assert.Equal(SignatureState.Unverified, await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).Select(s => s.State).SingleAsync()));
    }
}
