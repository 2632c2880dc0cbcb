using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Database;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Tests.Integration;

/// <summary>
/// Confirm presses that arrive together are confirmed in one transaction, each answered for itself: a link twice
/// in one batch counts once, an unknown one is not found, and a later sign request's link confirms that request's
/// details, on both providers.
/// </summary>
public abstract class ConfirmBatchTests(PetitionApp app)
{
    [Fact]
    public async Task Presses_confirmed_together_are_each_answered_for_themselves()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("batch"));
        var (ada, bo, cy) = ($"{Signer.Unique("ada")}@example.org", $"{Signer.Unique("bo")}@example.org", $"{Signer.Unique("cy")}@example.org");
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Ada Batch", ada));
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Bo Batch", bo));
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Cy First", cy));
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Cy Second", cy)); // a later request, its own link
        string Token(string path) => path.Split('/').Last();
        var tokens = new[]
        {
            Token(await app.ConfirmationPathAsync(ada)),
            Token(await app.ConfirmationPathAsync(bo)),
            Token(await app.ConfirmationPathAsync(ada)), // the same link again, in the same batch
            new string('A', 43), // the shape of a link, but no one's
            Token(await app.ConfirmationPathAsync(cy, nth: 2)),
        };

        await using var scope = app.Services.CreateAsyncScope();
        var answers = await scope.ServiceProvider.GetRequiredService<Confirmation>().ConfirmAllAsync(tokens, CancellationToken.None);

        Assert.Equal(
            [ConfirmationStatus.Confirmed, ConfirmationStatus.Confirmed, ConfirmationStatus.AlreadyConfirmed, ConfirmationStatus.NotFound, ConfirmationStatus.Confirmed],
            answers.Select(a => a.Status));
        var signed = await app.Db(db => db.Signatures.Where(s => s.Letter.Slug == letter.Slug).OrderBy(s => s.Id)
            .Select(s => new { s.Name, s.State }).ToListAsync());
        Assert.Equal(["Ada Batch", "Bo Batch", "Cy Second"], signed.Select(s => s.Name));
        Assert.All(signed, s => Assert.Equal(SignatureState.Published, s.State));
        Assert.Equal(3, (await app.Services.GetRequiredService<SignatureCounter>().GetAsync(letter.Id, CancellationToken.None)).Published);
    }
}

public class SqliteConfirmBatchTests(SqliteFixture fixture) : ConfirmBatchTests(fixture.App), IClassFixture<SqliteFixture>;

public class PostgresConfirmBatchTests(PostgresFixture fixture) : ConfirmBatchTests(fixture.App), IClassFixture<PostgresFixture>;

/// <summary>What every batched write (signing, confirming) relies on: one bad item fails alone, the rest are written.</summary>
public class WriteBatcherTests
{
    sealed class Recording(IServiceScopeFactory scopes, int writers)
        : WriteBatcher<string, string>(scopes, Options.Create(new SigningOptions { ConcurrentBatches = writers }),
            Options.Create(new DatabaseOptions { Provider = DatabaseOptions.Postgres }), NullLogger.Instance)
    {
        public List<string[]> Batches { get; } = [];

        public Task<string> WriteAsync(string item) => SubmitAsync(item, CancellationToken.None);

        protected override Task<IReadOnlyList<string>> WriteAsync(IServiceProvider scope, IReadOnlyList<string> items)
        {
            lock (Batches) Batches.Add([.. items]);
            if (items.Contains("bad"))
                throw new InvalidOperationException("a bad item");
            return Task.FromResult<IReadOnlyList<string>>([.. items.Select(i => i.ToUpperInvariant())]);
        }
    }

    [Fact]
    public async Task A_batch_that_fails_is_written_one_by_one_and_only_the_bad_item_fails()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var batcher = new Recording(services.GetRequiredService<IServiceScopeFactory>(), writers: 1);
        // Queued before the writer starts, so that the three arrive together.
        var answers = new[] { "ada", "bad", "bo" }.Select(batcher.WriteAsync).ToList();
        await batcher.StartAsync(CancellationToken.None);

        Assert.Equal("ADA", await answers[0]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => answers[1]);
        Assert.Equal("BO", await answers[2]);
        await batcher.StopAsync(CancellationToken.None);
        Assert.Equal([["ada", "bad", "bo"], ["ada"], ["bad"], ["bo"]], batcher.Batches);
    }
}
