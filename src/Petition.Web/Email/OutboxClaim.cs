using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Outbox;

namespace Petition.Web.Email;

/// <summary>
/// Takes a batch of due messages for this dispatcher by leasing them in one statement. On PostgreSQL the rows
/// are locked with SKIP LOCKED so several instances take disjoint batches without waiting on each other;
/// SQLite has one writer at a time, which gives the same guarantee. Due first, through the pending mail's own index
/// (IX_Outbox_Pending), however much sent mail the table keeps.
/// </summary>
public static class OutboxClaim
{
    /// <summary>Leases and returns the batch in one statement (UPDATE … RETURNING), tracked, in id order.</summary>
    public static async Task<List<OutboxMessage>> ClaimAsync(PetitionDbContext db, DateTimeOffset now, TimeSpan lease, int batchSize,
        CancellationToken cancellationToken)
    {
        var until = now + lease;
        if (db.Database.IsNpgsql())
        {
            return Ordered(await db.Outbox.FromSql($"""
                UPDATE "Outbox" SET "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "Outbox"
                    WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= {now}
                      AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "NextAttemptAt", "Id" LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).ToListAsync(cancellationToken));
        }

        long nowTicks = now.UtcTicks, untilTicks = until.UtcTicks;
        return Ordered(await db.Outbox.FromSql($"""
            UPDATE "Outbox" SET "LockedUntil" = {untilTicks}
            WHERE "Id" IN (
                SELECT "Id" FROM "Outbox"
                WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= {nowTicks}
                  AND ("LockedUntil" IS NULL OR "LockedUntil" < {nowTicks})
                ORDER BY "NextAttemptAt", "Id" LIMIT {batchSize})
            RETURNING *
            """).ToListAsync(cancellationToken));
    }

    static List<OutboxMessage> Ordered(List<OutboxMessage> messages)
    {
        messages.Sort((a, b) => a.Id.CompareTo(b.Id));
        return messages;
    }
}
