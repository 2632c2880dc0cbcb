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
