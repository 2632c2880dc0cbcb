using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Signing;
using Petition.Web.Letters;

namespace Petition.Tests.Signing;

/// <summary>
/// The public count, read from the database at most once per <see cref="SignatureCounter.MaxAge"/> of the app's
/// clock: rows written elsewhere (another instance) show once it is up, changes made here show at once.
/// </summary>
public class SignatureCounterTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;
    readonly FakeTimeProvider clock = new();
    SignatureCounter? counter;

    /// <summary>A counter of the test's own on the app's database, on a clock only this test moves.</summary>
    SignatureCounter Counter => counter ??= new SignatureCounter(app.Services.GetRequiredService<IServiceScopeFactory>(), clock);

    [Fact]
    public async Task After_a_change_made_here_the_next_reader_waits_for_a_count_that_sees_it()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("invalidated"));
        Assert.Equal(new SignatureCounts(0, 0), await Counter.GetAsync(letter.Id));

        await app.SignaturesAsync(letter, 3, SignatureState.Published, configure: (s, i) => s.ListPublicly = i == 0);
        Counter.Forget(letter.Id); // no time passes

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

    [Fact]
    public async Task Rows_written_elsewhere_show_once_the_count_is_older_than_its_age()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("aged"));
        Assert.Equal(new SignatureCounts(0, 0), await Counter.GetAsync(letter.Id));

        await app.SignaturesAsync(letter, 2, SignatureState.Published); // another instance's confirmations
        clock.Advance(SignatureCounter.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.Equal(new SignatureCounts(0, 0), await Counter.GetAsync(letter.Id));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Counter.GetAsync(letter.Id); // stale: answered at once while the recount runs
        await Eventually.HoldsAsync(async () => (await Counter.GetAsync(letter.Id)).Published == 2, "the recount");
    }

    [Fact]
    public async Task A_confirmation_here_moves_the_count_at_once_without_a_recount()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("added"));
        Assert.Equal(new SignatureCounts(0, 0), await Counter.GetAsync(letter.Id));

        Counter.Add(letter.Id, listed: true, organisation: false);
        Counter.Add(letter.Id, listed: false, organisation: true);

        // The database holds none of them: the figures are the counter's own, until its next count.
        Assert.Equal(new SignatureCounts(2, 1, 1), await Counter.GetAsync(letter.Id));
        clock.Advance(SignatureCounter.MaxAge);
        await Counter.GetAsync(letter.Id);
        await Eventually.HoldsAsync(async () => (await Counter.GetAsync(letter.Id)).Published == 0, "the count from the database");
    }

    [Fact]
    public async Task A_letter_never_counted_here_is_counted_afresh_by_its_first_reader()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("fresh"));
        await app.SignaturesAsync(letter, 3, SignatureState.Published);

        Counter.Add(letter.Id, listed: true, organisation: false); // nothing to move yet

        Assert.Equal(new SignatureCounts(3, 3), await Counter.GetAsync(letter.Id));
    }

    [Fact]
    public async Task Only_published_signatures_count_and_hidden_ones_are_not_listed()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("states"));
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, i) => s.Hidden = i == 0);
        await app.SignaturesAsync(letter, 1, SignatureState.AwaitingReview);
        await app.SignaturesAsync(letter, 1, SignatureState.Unverified);

        Assert.Equal(new SignatureCounts(2, 1), await Counter.GetAsync(letter.Id));
    }
}
