using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Sealing;
using Petition.Data.Signatures;

namespace Petition.Web.Keys;

/// <summary>
/// `rotate-keys`: a new personal-data key, then every sealed value re-sealed under it, a chunk at a time in its own
/// transaction, with progress. Run again (`rotate-keys --resume`) after a crash, or after restarting instances that
/// were still sealing with the old key: it re-seals only what is not under the newest key yet.
/// </summary>
public class KeyRotation(IServiceScopeFactory scopes, PersonalDataKeys keys)
{
    const int Chunk = 500;

    public async Task RunAsync(bool newKey, TextWriter progress, CancellationToken cancellationToken)
    {
        if (newKey)
            progress.WriteLine($"New personal-data key {await keys.RotateAsync(cancellationToken)}.");
        else
            await keys.LoadAsync(cancellationToken);
        var current = keys.CurrentKeyId;
        bool Old(byte[]? value) => value is not null && PersonalDataKeys.KeyIdOf(value) != current;
        bool OldText(string? value) => value?.StartsWith("sealed:", StringComparison.Ordinal) == true
            && Old(Convert.FromBase64String(value["sealed:".Length..]));

        await ResealAsync("signatures", db => db.Signatures, s => s.Id,
            s => Old(s.SealedEmail) || Old(s.SealedDetails) || Old(s.SealedRequest),
            (db, s) => db.Entry(s).State = EntityState.Modified, progress, cancellationToken);
        await ResealAsync("mailed links", db => db.SignatureTokens.Where(t => t.SealedDetails != null), t => t.Id,
            t => Old(t.SealedDetails), (db, t) => db.Entry(t).State = EntityState.Modified, progress, cancellationToken);
        await ResealAsync("waiting mail", db => db.Outbox.Where(m => m.Sealed != null), m => m.Id, m => Old(m.Sealed),
            (db, m) => m.Sealed = SealedStrings.Seal(keys, m.ToAddress, m.ToName, m.Subject, m.TextBody), progress, cancellationToken);
        await ResealAsync("audit entries", db => db.Audit.Where(a => a.SignatureId != null), a => a.Id,
            a => OldText(a.Before) || OldText(a.After),
            (db, a) => (a.Before, a.After) = (SealedText.Seal(keys, a.Before), SealedText.Seal(keys, a.After)), progress, cancellationToken);
        await ResealAsync("recipients", db => db.Recipients.Where(r => r.Sealed != null), r => (long)r.Id, r => Old(r.Sealed),
            (db, r) => db.Entry(r).State = EntityState.Modified, progress, cancellationToken);
        await ResealAsync("directory entries", db => db.RecipientDirectory.Where(r => r.Sealed != null), r => (long)r.Id, r => Old(r.Sealed),
            (db, r) => db.Entry(r).State = EntityState.Modified, progress, cancellationToken);
        progress.WriteLine($"Everything is sealed under key {current}.");
    }

    async Task ResealAsync<T>(string what, Func<PetitionDbContext, IQueryable<T>> set, System.Linq.Expressions.Expression<Func<T, long>> id,
        Func<T, bool> old, Action<PetitionDbContext, T> reseal, TextWriter progress, CancellationToken cancellationToken) where T : class
    {
        var idOf = id.Compile();
        long after = 0, read = 0, resealed = 0;
        var parameter = id.Parameters[0];
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var beyond = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                System.Linq.Expressions.Expression.GreaterThan(id.Body, System.Linq.Expressions.Expression.Constant(after)), parameter);
            var rows = await set(db).Where(beyond).OrderBy(id).Take(Chunk).ToListAsync(cancellationToken);
            if (rows.Count == 0)
                break;
            foreach (var row in rows.Where(old))
            {
                reseal(db, row);
                resealed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            read += rows.Count;
            after = idOf(rows[^1]);
            progress.WriteLine($"{what}: {read:N0} read, {resealed:N0} re-sealed");
        }
    }
}
