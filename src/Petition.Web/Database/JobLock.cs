using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Petition.Data;

namespace Petition.Web.Database;

/// <summary>
/// Lets one instance at a time run a periodic job. On PostgreSQL the job runs inside a transaction holding a
/// transaction-level advisory lock named after it; an instance that finds the lock taken skips this round rather
/// than wait, and the lock goes with the transaction, so a crashed instance never keeps it. SQLite serves one
/// instance, which needs no lock.
/// </summary>
public static class JobLock
{
    /// <summary>Runs <paramref name="job"/> if no other instance is running it now; null when it was skipped.</summary>
    public static async Task<T?> TryRunAsync<T>(PetitionDbContext db, string name, Func<Task<T>> job, CancellationToken cancellationToken)
        where T : class
    {
        if (!db.Database.IsNpgsql())
            return await job();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = Key(name);
        var acquired = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!acquired)
            return null;
        var result = await job();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>A stable 64-bit key for the name, the same on every instance and every release.</summary>
    public static long Key(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("petition:" + name)));
}
