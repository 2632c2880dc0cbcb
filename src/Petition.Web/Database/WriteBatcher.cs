using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Web.Signing;

namespace Petition.Web.Database;

/// <summary>
/// Groups the writes that arrive together into one transaction. A commit costs about the same for one row as for a
/// hundred, so while one batch commits the next gathers, and under load each request shares its commit with the
/// others. Every request is answered only after its own batch is committed: an answer is never lost to a crash.
/// On PostgreSQL several batches are written at once (Signing:ConcurrentBatches), so that one batch's statement runs
/// while another waits for its commit to reach the disk; SQLite has one writer and gets one batch at a time.
/// A batch that fails for one bad item is written again one by one, so that item fails alone.
/// </summary>
public abstract class WriteBatcher<TItem, TResult>(IServiceScopeFactory scopes, IOptions<SigningOptions> options,
    IOptions<DatabaseOptions> database, ILogger logger)
    : BackgroundService
{
    readonly Channel<Entry> queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    record Entry(TItem Item, TaskCompletionSource<TResult> Done);

    /// <summary>Writes the items in one transaction of the scope given, answering each in the order given.</summary>
    protected abstract Task<IReadOnlyList<TResult>> WriteAsync(IServiceProvider scope, IReadOnlyList<TItem> items);

    /// <summary>
    /// Whether one item's failed write is worth one more try: by default a deadlock or serialization failure, which
    /// PostgreSQL resolves by failing one of two transactions that wanted the same rows.
    /// </summary>
    protected virtual bool WorthRetrying(Exception failure) => IsConflict(failure);

    protected async Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync(new Entry(item, done), cancellationToken);
        // Not cancelled with the request once queued: the write goes ahead, and the answer must say so truthfully.
        return await done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = database.Value.IsSqlite ? 1 : options.Value.ConcurrentBatches;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteQueuedAsync, CancellationToken.None)));
    }

    async Task WriteQueuedAsync()
    {
        var batch = new List<Entry>();
        // Not stopped by the token: the loop ends when StopAsync completes the queue and the last batch is written.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < options.Value.MaxBatchSize && queue.Reader.TryRead(out var entry))
                batch.Add(entry);
            if (batch.Count == 0)
                continue; // another writer took them
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    async Task WriteBatchAsync(List<Entry> batch)
    {
        try
        {
            var results = await WriteInScopeAsync(batch.Select(e => e.Item).ToList());
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
            return;
        }
        catch (Exception e) when (batch.Count > 1 && (!DatabaseUnavailable.IsUnavailable(e) || IsConflict(e)))
        {
            // One bad item must not fail the others; nor may a deadlock with a batch written at the same time.
            logger.LogInformation(e, "A batch of {Count} writes failed; writing them one by one", batch.Count);
        }
        catch (Exception e)
        {
            // With the database away, one by one would make the last request wait out a connect timeout per item
            // ahead of it: the whole batch fails at once, and each request answers 503 fast.
            if (batch.Count > 1 || !await RetryOnceAsync(batch[0], e))
                foreach (var entry in batch) entry.Done.TrySetException(e);
            return;
        }
        foreach (var entry in batch)
        {
            try
            {
                entry.Done.TrySetResult((await WriteInScopeAsync([entry.Item]))[0]);
            }
            catch (Exception e)
            {
                if (!await RetryOnceAsync(entry, e))
                    entry.Done.TrySetException(e);
            }
        }
    }

    async Task<bool> RetryOnceAsync(Entry entry, Exception failure)
    {
        if (!WorthRetrying(failure))
            return false;
        try
        {
            entry.Done.TrySetResult((await WriteInScopeAsync([entry.Item]))[0]);
        }
        catch (Exception e)
        {
            entry.Done.TrySetException(e);
        }
        return true;
    }

    async Task<IReadOnlyList<TResult>> WriteInScopeAsync(IReadOnlyList<TItem> items)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await WriteAsync(scope.ServiceProvider, items);
    }

    /// <summary>
    /// A deadlock or serialization failure: two transactions wanted the same rows, PostgreSQL failed one of them,
    /// and trying it again succeeds. It counts as transient, but the database is not away.
    /// </summary>
    protected static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: "40P01" or "40001" })
                return true;
        return false;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete(); // what is queued is still written before the host stops
        await base.StopAsync(cancellationToken);
    }
}
