namespace Petition.Data.Keys;

/// <summary>
/// A key of the site's own, its secret stored encrypted by data protection, in the database like the
/// data-protection keys, so every instance uses the same key and none is in the repository. One row per kind:
/// 1, the ECDSA P-256 key that signs exports; 2, the HMAC key of withdrawn addresses.
/// </summary>
public class SiteKey
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The public half as PEM (SubjectPublicKeyInfo), for a key pair; the export key's is served at /.well-known/petition-signing-key.pem.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>The secret (a PKCS#8 private key, or a symmetric key), base64, protected by the app's data-protection keys.</summary>
    public required string ProtectedPrivateKey { get; set; }
}
