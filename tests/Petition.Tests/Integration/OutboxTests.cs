using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public class OutboxTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task Mail_refused_by_the_smtp_server_is_retried_later_and_delivered_once()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("smtp"));
        var email = $"{Signer.Unique("retry")}@example.org";
        app.Smtp.Refusing = true;
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Patient Signer", email));

        await Eventually.HoldsAsync(() => app.Db(db => db.Outbox.AnyAsync(m => m.ToHash == app.RecipientHash(email) && m.Attempts >= 1)));
        Assert.Empty(app.Smtp.To(email));
        var failed = await app.Db(db => db.Outbox.SingleAsync(m => m.ToHash == app.RecipientHash(email)));
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);

        app.Smtp.Refusing = false;
        await app.DrainOutboxAsync();
        Assert.Empty(app.Smtp.To(email)); // not before its back-off has passed

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.ConfirmationPathAsync(email);
        await Eventually.HoldsAsync(async () => (await app.Db(db => db.Outbox.SingleAsync(m => m.ToHash == app.RecipientHash(email)))).SentAt != null, "the message marked sent");
        await app.DrainOutboxAsync(); // nothing left that could make a second copy
        Assert.Single(app.Smtp.To(email));
        Assert.NotNull((await app.Db(db => db.Outbox.SingleAsync(m => m.ToHash == app.RecipientHash(email)))).SentAt);
    }
}

public class HomePageTests
{
    [Fact]
    public async Task With_one_open_letter_the_home_page_goes_straight_to_it()
    {
        await using var app = await PetitionApp.StartAsync();
        var response = await app.Client().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/letters/upr-accountability", response.Headers.Location?.OriginalString);

        await app.AddLetterAsync("second-letter");
        var page = await app.Client().GetDocumentAsync("/");
        Assert.Equal(2, page.QuerySelectorAll(".letter-list li").Length);
    }
}
