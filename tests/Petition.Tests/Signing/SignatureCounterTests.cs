using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Signing;

namespace Petition.Tests.Signing;

/// <summary>
/// The public count, read from the database at most once per <see cref="SignatureCounter.MaxAge"/> of the app's
/// clock: rows written elsewhere (another instance) show once it is up, changes made here show at once.
/// </summary>
public class SignatureCounterTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;
    SignatureCounter Counter => app.Services.GetRequiredService<SignatureCounter>();

    [Fact]
    public async Task A_count_is_kept_for_its_max_age_then_refreshed_while_readers_get_the_previous_one()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("counter"));
        Assert.Equal(new SignatureCounts(0, 0), await Counter.GetAsync(letter.Id));

        await app.SignaturesAsync(letter, 2, SignatureState.Published); // as another instance would
        app.Clock.Advance(SignatureCounter.MaxAge - TimeSpan.FromTicks(1));
        Assert.Equal(new SignatureCounts(0, 0), await Counter.GetAsync(letter.Id));

        app.Clock.Advance(TimeSpan.FromTicks(1));
        await Eventually.HoldsAsync(async () => await Counter.GetAsync(letter.Id) == new SignatureCounts(2, 2), "the refreshed count");
    }

    [Fact]
    public async Task A_confirmation_counted_here_moves_the_count_at_once_and_the_database_stays_the_truth()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("counted"));
        await app.SignaturesAsync(letter, 1, SignatureState.Published);
        Assert.Equal(new SignatureCounts(1, 1), await Counter.GetAsync(letter.Id));

        Counter.Counted(letter.Id, listed: false);
        Assert.Equal(new SignatureCounts(2, 1), await Counter.GetAsync(letter.Id));

        // That confirmation never reached the database: the next count, one max age later, says so.
        app.Clock.Advance(SignatureCounter.MaxAge);
        await Eventually.HoldsAsync(async () => await Counter.GetAsync(letter.Id) == new SignatureCounts(1, 1), "the database's count");
    }

    [Fact]
    public async Task After_a_change_made_here_the_next_reader_waits_for_a_count_that_sees_it()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("invalidated"));
        Assert.Equal(new SignatureCounts(0, 0), await Counter.GetAsync(letter.Id));

        await app.SignaturesAsync(letter, 3, SignatureState.Published, configure: (s, i) => s.ListPublicly = i == 0);
        Counter.Invalidate(letter.Id); // no time passes

        Assert.Equal(new SignatureCounts(3, 1), await Counter.GetAsync(letter.Id));
    }

    [Fact]
    public async Task Readers_of_a_letter_never_counted_share_one_answer()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("shared"));
        await app.SignaturesAsync(letter, 4, SignatureState.Published);

        var counts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Counter.GetAsync(letter.Id)));

        Assert.All(counts, c => Assert.Equal(new SignatureCounts(4, 4), c));
    }
}
