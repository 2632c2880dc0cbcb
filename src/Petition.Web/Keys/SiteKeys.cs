using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Keys;

namespace Petition.Web.Keys;

/// <summary>A key as the site uses it: its secret (a private key, or the whole of a symmetric key) and any public half.</summary>
public record SiteKeyValue(byte[] Secret, string? PublicKeyPem);

/// <summary>
/// One of the site's keys: its row in the database, the data-protection purpose its secret is sealed under, and
/// how a new one is made. The id and the purpose are what an existing key was stored under: change either and the
/// site makes a new key.
/// </summary>
public record SiteKeyKind(int Id, string Purpose, Func<SiteKeyValue> Create);

/// <summary>
/// The site's own keys, each made on first use and stored in the database with its secret encrypted by the
/// data-protection keys (kept in the same database), so every instance uses the same key and the repository holds
/// none. Two instances racing to make a key collide on its id, and the loser uses the winner's.
/// </summary>
public class SiteKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly ConcurrentDictionary<int, SiteKeyValue> loaded = new();

    public async Task<SiteKeyValue> GetAsync(SiteKeyKind kind, CancellationToken cancellationToken)
    {
        if (loaded.TryGetValue(kind.Id, out var known))
            return known;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (loaded.TryGetValue(kind.Id, out var raced))
                return raced;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var stored = await db.SiteKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kind.Id, cancellationToken)
                ?? await CreateAsync(db, kind, cancellationToken);
            var secret = Convert.FromBase64String(protection.CreateProtector(kind.Purpose).Unprotect(stored.ProtectedPrivateKey));
            return loaded[kind.Id] = new SiteKeyValue(secret, stored.PublicKeyPem);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The highest key id at or above <paramref name="from"/> that exists, if any (the newest generation of a kind).</summary>
    public async Task<int?> NewestAsync(int from, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        return await db.SiteKeys.Where(k => k.Id >= from).MaxAsync(k => (int?)k.Id, cancellationToken);
    }

    async Task<SiteKey> CreateAsync(PetitionDbContext db, SiteKeyKind kind, CancellationToken cancellationToken)
    {
        var key = kind.Create();
        var created = new SiteKey
        {
            Id = kind.Id,
            CreatedAt = time.GetUtcNow(),
            PublicKeyPem = key.PublicKeyPem,
            ProtectedPrivateKey = protection.CreateProtector(kind.Purpose).Protect(Convert.ToBase64String(key.Secret)),
        };
        db.SiteKeys.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another instance made the key first: use theirs.
            db.ChangeTracker.Clear();
            return await db.SiteKeys.AsNoTracking().SingleAsync(k => k.Id == kind.Id, cancellationToken);
        }
    }
}
