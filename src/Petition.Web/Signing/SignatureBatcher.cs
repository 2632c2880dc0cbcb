using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Web.Database;

namespace Petition.Web.Signing;

/// <summary>
/// Groups the signatures that arrive together into one transaction. A commit costs about the same for one row as
/// for a hundred, so while one batch commits the next gathers, and under load each request shares its commit with
/// the others. Every request is answered only after its own batch is committed: a 202 is never lost to a crash.
/// On PostgreSQL several batches are written at once (Signing:ConcurrentBatches), so that one batch's statement runs
/// while another waits for its commit to reach the disk; SQLite has one writer and gets one batch at a time.
/// </summary>
public sealed class SignatureBatcher(IServiceScopeFactory scopes, IOptions<SigningOptions> options,
    IOptions<DatabaseOptions> database, ILogger<SignatureBatcher> logger)
    : BackgroundService
{
    readonly Channel<Item> queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    record Item(PendingSignature Signature, TaskCompletionSource Done);

    public async Task WriteAsync(PendingSignature signature, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync(new Item(signature, done), cancellationToken);
        // Not cancelled with the request once queued: the write goes ahead, and the answer must say so truthfully.
        await done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = database.Value.IsSqlite ? 1 : options.Value.ConcurrentBatches;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteQueuedAsync, CancellationToken.None)));
    }

    async Task WriteQueuedAsync()
    {
        var batch = new List<Item>();
        // Not stopped by the token: the loop ends when StopAsync completes the queue and the last batch is written.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < options.Value.MaxBatchSize && queue.Reader.TryRead(out var item))
                batch.Add(item);
            if (batch.Count == 0)
                continue; // another writer took them
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    async Task WriteBatchAsync(List<Item> batch)
    {
        try
        {
            await WriteAsync(batch.Select(i => i.Signature).ToList());
            foreach (var item in batch) item.Done.TrySetResult();
            return;
        }
        catch (Exception e) when (batch.Count > 1 && (!DatabaseUnavailable.IsUnavailable(e) || IsConflict(e)))
        {
            // One bad row (most often an address another instance stored a moment ago) must not fail the others;
            // nor may a deadlock with a batch written at the same time, which PostgreSQL resolves by failing one.
            logger.LogInformation(e, "A batch of {Count} signatures failed; writing them one by one", batch.Count);
        }
        catch (Exception e)
        {
            // With the database away, one by one would make the last request wait out a connect timeout per
            // signature ahead of it: the whole batch fails at once, and each request answers 503 fast.
            if (batch.Count > 1 || !await RetryOnceAsync(batch[0], e))
                foreach (var item in batch) item.Done.TrySetException(e);
            return;
        }
        foreach (var item in batch)
        {
            try
            {
                await WriteAsync([item.Signature]);
                item.Done.TrySetResult();
            }
            catch (Exception e)
            {
                if (!await RetryOnceAsync(item, e))
                    item.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Two requests for one address raced and the unique index kept one: the second try finds it and signs again.</summary>
    async Task<bool> RetryOnceAsync(Item item, Exception failure)
    {
        if (failure is not DbUpdateException && !IsConflict(failure))
            return false;
        try
        {
            await WriteAsync([item.Signature]);
            item.Done.TrySetResult();
            return true;
        }
        catch (Exception e)
        {
            item.Done.TrySetException(e);
            return true;
        }
    }

    /// <summary>
    /// A deadlock or serialization failure: two transactions wanted the same rows, PostgreSQL failed one of them,
    /// and trying it again succeeds. It counts as transient, but the database is not away.
    /// </summary>
    static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: "40P01" or "40001" })
                return true;
        return false;
    }

    async Task WriteAsync(IReadOnlyList<PendingSignature> signatures)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignatureWriter>().WriteAsync(signatures, CancellationToken.None);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete(); // what is queued is still written before the host stops
        await base.StopAsync(cancellationToken);
    }
}
