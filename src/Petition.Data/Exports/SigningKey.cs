namespace Petition.Data.Exports;

/// <summary>
/// The site's key for signing exports: ECDSA P-256. The private half is stored encrypted by data protection, in the
/// database like the data-protection keys, so every instance signs with the same key and none is in the repository.
/// </summary>
public class SigningKey
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), served at /.well-known/petition-signing-key.pem.</summary>
    public required string PublicKeyPem { get; set; }

    /// <summary>The PKCS#8 private key, protected by the app's data-protection keys.</summary>
    public required string ProtectedPrivateKey { get; set; }
}
