using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Petition.Data;

namespace Petition.Web.Database;

/// <summary>
/// A PostgreSQL streaming replica for reads that may be a moment behind (<c>ConnectionStrings:PetitionReadOnly</c>).
/// It is used only while it keeps up: at each check (<see cref="DatabaseOptions.ReplicaCheckInterval"/>) it must have
/// replayed everything the primary had written at the check before, so what it serves is at most about two intervals
/// old. Behind that, unreachable, or not yet checked, every read goes to the primary. Decision 032.
/// </summary>
public sealed class ReadReplica : IDisposable
{
    readonly PooledDbContextFactory<PetitionDbContext>? factory;
    readonly NpgsqlDataSource? primarySource, replicaSource;
    readonly ILogger<ReadReplica> logger;
    readonly Lock gate = new();
    NpgsqlLogSequenceNumber? primaryAtLastCheck;
    ReplicaState state = ReplicaState.Unchecked;
    long checksInStep;
    readonly ConcurrentDictionary<int, long> fences = new();

    /// <summary>
    /// Checks in step that must pass after a take-back before the replica serves that letter again: the first may
    /// have read the primary's position before the change, the second reads it after, the third finds it replayed.
    /// </summary>
    const int ChecksPastAFence = 3;

    public ReadReplica(IOptions<DatabaseOptions> options, IConfiguration configuration, IServiceProvider services, ILogger<ReadReplica> logger)
    {
        this.logger = logger;
        if (DatabaseSetup.ReplicaConnectionString(configuration, options.Value) is not { } replica)
            return;
        replicaSource = NpgsqlDataSource.Create(replica);
        primarySource = NpgsqlDataSource.Create(DatabaseSetup.PrimaryConnectionString(configuration, options.Value, ""));
        // The app's services, as the primary's pool has them: opening sealed personal data needs the app's keys.
        var builder = new DbContextOptionsBuilder<PetitionDbContext>().UseApplicationServiceProvider(services);
        DatabaseSetup.Configure(builder, options.Value, replica);
        factory = new PooledDbContextFactory<PetitionDbContext>(builder.Options);
    }

    public bool Configured => factory is not null;

    public ReplicaState State { get { lock (gate) return state; } }

    /// <summary>
    /// A context on the replica when it may serve reads now (for <paramref name="letterId"/>, when its last take-back
    /// has reached it); null sends the read to the primary.
    /// </summary>
    public PetitionDbContext? TryOpen(int? letterId = null) =>
        State == ReplicaState.InStep && (letterId is not { } id || !Fenced(id)) ? factory!.CreateDbContext() : null;

    /// <summary>
    /// Something the public saw of a letter was taken back on the primary (a signature hidden, withdrawn, disowned):
    /// until the replica has surely replayed it, the letter's reads stay on the primary, or a page rendered again from
    /// the replica would show it again, and be cached so.
    /// </summary>
    public void Fence(int letterId)
    {
        if (Configured)
            fences[letterId] = Interlocked.Read(ref checksInStep);
    }

    bool Fenced(int letterId)
    {
        if (!fences.TryGetValue(letterId, out var at))
            return false;
        if (Interlocked.Read(ref checksInStep) < at + ChecksPastAFence)
            return true;
        fences.TryRemove(new KeyValuePair<int, long>(letterId, at));
        return false;
    }

    /// <summary>A read on the replica failed for want of a connection: the primary serves until a check finds it back.</summary>
    public void MarkDown(Exception error)
    {
        // Two checks in step again before it serves: one to see where the primary stands, one to find it replayed.
        lock (gate) primaryAtLastCheck = null;
        if (Move(ReplicaState.Unreachable))
            logger.LogWarning("The read replica failed a read ({Error}); reads go to the primary until it answers a check", error.GetBaseException().Message);
    }

    /// <summary>One check: how far the replica has replayed, against where the primary stood at the check before.</summary>
    public async Task<ReplicaState> CheckAsync(CancellationToken cancellationToken)
    {
        if (!Configured)
            return ReplicaState.Unchecked;
        try
        {
            var primary = await LsnAsync(primarySource!, "SELECT pg_current_wal_lsn()", cancellationToken);
            // Null when the server replays nothing: not a standby (a primary, an old copy restored by mistake), so
            // nothing says it is current, and it serves nothing.
            var replayed = await LsnAsync(replicaSource!, "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() END", cancellationToken);
            ReplicaState next;
            lock (gate)
            {
                next = replayed is null ? ReplicaState.NotAStandby
                    : primaryAtLastCheck is not { } before ? ReplicaState.Unchecked
                    : replayed >= before ? ReplicaState.InStep : ReplicaState.Behind;
                primaryAtLastCheck = primary;
            }
            if (next == ReplicaState.InStep)
                Interlocked.Increment(ref checksInStep);
            if (Move(next))
            {
                if (next == ReplicaState.NotAStandby)
                    logger.LogError("ConnectionStrings:PetitionReadOnly names a server that is not replaying a primary; every read goes to the primary");
                else if (next == ReplicaState.Behind)
                    logger.LogWarning("The read replica is behind the primary (replayed {Replayed}); reads go to the primary until it catches up", replayed);
            }
            return next;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MarkDown(e);
            lock (gate) primaryAtLastCheck = null;
            return ReplicaState.Unreachable;
        }
    }

    bool Move(ReplicaState next)
    {
        lock (gate)
        {
            if (state == next)
                return false;
            if (next == ReplicaState.InStep)
                logger.LogInformation("The read replica is in step with the primary: it serves the public list, search, exports and dashboards");
            state = next;
            return true;
        }
    }

    static async Task<NpgsqlLogSequenceNumber?> LsnAsync(NpgsqlDataSource source, string sql, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(sql);
        return await command.ExecuteScalarAsync(cancellationToken) is NpgsqlLogSequenceNumber lsn ? lsn : null;
    }

    public void Dispose()
    {
        primarySource?.Dispose();
        replicaSource?.Dispose();
    }
}

public enum ReplicaState { Unchecked, InStep, Behind, Unreachable, NotAStandby }
