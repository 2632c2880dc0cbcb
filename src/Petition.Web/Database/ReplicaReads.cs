using Petition.Data;

namespace Petition.Web.Database;

/// <summary>
/// Runs a read that may be a moment behind (the public list, search, downloads, dashboards) on the read replica
/// while it keeps up, else on the primary. A replica that fails mid-read for want of a connection is left for the
/// primary at once, and the read runs again there: the visitor sees no error. What must read its own writes (the
/// manage page, confirming, the signer's landing page) and what is cached until the next change (counts, breakdowns,
/// public export files) never comes here: a cache filled from a replica a moment behind would keep that moment.
/// </summary>
public class ReplicaReads(PetitionDbContext primary, ReadReplica replica, IServiceProvider services)
{
    bool primaryOnly;

    /// <summary>For the rest of this request every read goes to the primary: it must see the request's own writes.</summary>
    public void StayOnPrimary() => primaryOnly = true;

    public Task<T> RunAsync<T>(Func<PetitionDbContext, Task<T>> read, CancellationToken cancellationToken) =>
        RunAsync(null, read, cancellationToken);

    /// <summary>A read of one letter's public view: on the primary while a take-back of it may not have reached the replica.</summary>
    public async Task<T> RunAsync<T>(int? letterId, Func<PetitionDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        if (!primaryOnly && replica.TryOpen(letterId) is { } db)
        {
            await using (db)
            {
                try
                {
                    return await read(db);
                }
                catch (Exception e) when (DatabaseUnavailable.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
                {
                    replica.MarkDown(e);
                }
            }
        }
        return await read(primary);
    }

    /// <summary>The same, for a service that reads through its own context: one is made on the replica for the read.</summary>
    public Task<T> RunAsync<TService, T>(Func<TService, Task<T>> read, CancellationToken cancellationToken) where TService : class =>
        RunAsync(db => read(ReferenceEquals(db, primary)
            ? services.GetRequiredService<TService>()
            : ActivatorUtilities.CreateInstance<TService>(services, db)), cancellationToken);
}
