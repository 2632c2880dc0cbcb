using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Exports;

namespace Petition.Web.Exports;

/// <summary>
/// The site's ECDSA P-256 key that signs every export. Made on first use and stored in the database, its private
/// half encrypted with the data-protection keys, so every instance signs with the same key and the repository holds
/// none. Recipients check a file against the public half served at <see cref="WellKnownPath"/>.
/// </summary>
public class ExportSigningKey(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
{
    public const string WellKnownPath = "/.well-known/petition-signing-key.pem";
    const int KeyId = 1;

    readonly SemaphoreSlim gate = new(1, 1);
    IDataProtector Protector => protection.CreateProtector("Petition.Exports.SigningKey");
    (byte[] PrivateKey, string PublicKeyPem)? loaded;

    public async Task<string> PublicKeyPemAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).PublicKeyPem;

    /// <summary>A DER-encoded ECDSA signature of the SHA-256 digest, the form <c>openssl dgst -verify</c> reads.</summary>
    public async Task<byte[]> SignAsync(byte[] sha256, CancellationToken cancellationToken)
    {
        var (privateKey, _) = await LoadAsync(cancellationToken);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        return key.SignHash(sha256, DSASignatureFormat.Rfc3279DerSequence);
    }

    async Task<(byte[] PrivateKey, string PublicKeyPem)> LoadAsync(CancellationToken cancellationToken)
    {
        if (loaded is { } known)
            return known;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (loaded is { } raced)
                return raced;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var stored = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == KeyId, cancellationToken)
                ?? await CreateAsync(db, cancellationToken);
            var privateKey = Convert.FromBase64String(Protector.Unprotect(stored.ProtectedPrivateKey));
            loaded = (privateKey, stored.PublicKeyPem);
            return loaded.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<SigningKey> CreateAsync(PetitionDbContext db, CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var created = new SigningKey
        {
            Id = KeyId,
            CreatedAt = time.GetUtcNow(),
            PublicKeyPem = key.ExportSubjectPublicKeyInfoPem(),
            ProtectedPrivateKey = Protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())),
        };
        db.SigningKeys.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another instance made the key first: use theirs.
            db.ChangeTracker.Clear();
            return await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == KeyId, cancellationToken);
        }
    }
}
