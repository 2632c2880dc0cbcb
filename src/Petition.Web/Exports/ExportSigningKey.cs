using System.Security.Cryptography;
using Petition.Web.Keys;

namespace Petition.Web.Exports;

/// <summary>
/// The site's ECDSA P-256 key that signs every export, one of the <see cref="SiteKeys"/>. Recipients check a file
/// against the public half served at <see cref="WellKnownPath"/>.
/// </summary>
public class ExportSigningKey(SiteKeys keys)
{
    public const string WellKnownPath = "/.well-known/petition-signing-key.pem";

    static readonly SiteKeyKind Kind = new(1, "Petition.Exports.SigningKey", () =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SiteKeyValue(key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfoPem());
    });

    public async Task<string> PublicKeyPemAsync(CancellationToken cancellationToken) =>
        (await keys.GetAsync(Kind, cancellationToken)).PublicKeyPem!;

    /// <summary>A DER-encoded ECDSA signature of the SHA-256 digest, the form <c>openssl dgst -verify</c> reads.</summary>
    public async Task<byte[]> SignAsync(byte[] sha256, CancellationToken cancellationToken)
    {
        var (privateKey, _) = await keys.GetAsync(Kind, cancellationToken);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        return key.SignHash(sha256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
