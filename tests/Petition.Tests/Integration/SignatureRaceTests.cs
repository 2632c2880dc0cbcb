using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Signing;
using Petition.Web.Letters;

namespace Petition.Tests.Integration;

/// <summary>
/// The same link pressed many times at once (a double click, a mail scanner and the person, a retrying proxy):
/// one press confirms, the rest find it confirmed, and the signature counts once.
/// </summary>
public abstract class ConfirmOnceTests(PetitionApp app)
{
    [Fact]
    public async Task Eight_presses_of_one_link_at_once_confirm_and_count_it_once()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("twice"));
        var email = $"{Signer.Unique("twice")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Pressed Twice", email));
        var link = await app.ConfirmationPathAsync(email);
        // Eight browsers that each opened the page while the link was unused, then pressed together.
        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var client = app.Client();
            return (client, page: await client.GetDocumentAsync(link));
        }));
        var answers = await Task.WhenAll(pages.Select(p => p.client.SubmitAsync(p.page, link)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect); // the one that confirmed lands on the list
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect),
            a => Assert.Equal(HttpStatusCode.OK, a.StatusCode)); // the others: "already confirmed", no error
        Assert.Equal(SignatureState.Published, await app.Db(db => db.Signatures.Where(s => s.Letter.Slug == letter.Slug).Select(s => s.State).SingleAsync()));
        // The count the site shows, kept in memory and moved by each confirmation, moved once.
        Assert.Equal(1, (await app.Services.GetRequiredService<SignatureCounter>().GetAsync(letter.Id, CancellationToken.None)).Published);
    }
}

public class SqliteConfirmOnceTests(SqliteFixture fixture) : ConfirmOnceTests(fixture.App), IClassFixture<SqliteFixture>;

public class PostgresConfirmOnceTests(PostgresFixture fixture) : ConfirmOnceTests(fixture.App), IClassFixture<PostgresFixture>;

/// <summary>
/// The state machine's rule holds across requests: a move saved from a state another request has just left fails,
/// whatever code made it, and a page that hits it answers 409 with a page saying to look again.
/// </summary>
public class StateRaceTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task A_moderator_cannot_approve_what_its_signer_withdrew_a_moment_before()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("race"));
        var id = (await app.SignaturesAsync(letter, 1, SignatureState.AwaitingReview)).Single().Id;
        await using var moderatorScope = app.Services.CreateAsyncScope();
        var moderatorDb = moderatorScope.ServiceProvider.GetRequiredService<Petition.Data.PetitionDbContext>();
        var seen = await moderatorDb.Signatures.SingleAsync(s => s.Id == id); // the moderator's page, loaded

        await app.Db(async db => // the signer withdraws meanwhile
        {
            (await db.Signatures.SingleAsync(s => s.Id == id)).MoveTo(SignatureState.Withdrawn, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Assert.True(seen.Approve("moderator@example.org", app.Clock.GetUtcNow()).Done); // allowed from what it saw
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => moderatorDb.SaveChangesAsync());
        Assert.Equal(SignatureState.Withdrawn, await app.Db(db => db.Signatures.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task The_409_page_says_to_look_again_in_the_readers_language()
    {
        var page = await app.Visitor("fr").GetAsync("/status/409");
        Assert.Contains("Cela a changé entre-temps", (await page.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }
}
