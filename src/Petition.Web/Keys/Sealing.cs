using System.Security.Cryptography;

namespace Petition.Web.Keys;

/// <summary>
/// AES-256-GCM with a fresh random nonce: nonce (12 bytes), tag (16), then the ciphertext. Optional associated data
/// binds a sealed value to where it belongs (its key id), so a value cannot be moved under another key's name.
/// </summary>
public static class Sealing
{
    const int NonceSize = 12, TagSize = 16;
    public const int Overhead = NonceSize + TagSize;

    /// <summary>
    /// One cipher per key per thread: setting one up costs more than sealing a short value with it (a million rows
    /// of an export open three values each), and one instance must not be used by two threads at once.
    /// </summary>
    [ThreadStatic] static Dictionary<byte[], AesGcm>? ciphers;

    static AesGcm CipherFor(byte[] key)
    {
        ciphers ??= new Dictionary<byte[], AesGcm>(ReferenceEqualityComparer.Instance);
        if (!ciphers.TryGetValue(key, out var cipher))
        {
            if (ciphers.Count >= 16) // keys are few and long-lived; a caller passing fresh arrays would otherwise grow this
            {
                foreach (var old in ciphers.Values)
                    old.Dispose();
                ciphers.Clear();
            }
            ciphers[key] = cipher = new AesGcm(key, TagSize);
        }
        return cipher;
    }

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated = default)
    {
        var output = new byte[Overhead + plain.Length];
        Seal(key, plain, output, associated);
        return output;
    }

    /// <summary>Seals into <paramref name="output"/>, which is exactly <see cref="Overhead"/> bytes longer than the plain text.</summary>
    public static void Seal(byte[] key, ReadOnlySpan<byte> plain, Span<byte> output, ReadOnlySpan<byte> associated = default)
    {
        var nonce = output[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        CipherFor(key).Encrypt(nonce, plain, output[Overhead..], output.Slice(NonceSize, TagSize), associated);
    }

    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated = default)
    {
        if (sealedBytes.Length < Overhead)
            throw new CryptographicException("The sealed value is too short.");
        var plain = new byte[sealedBytes.Length - Overhead];
        CipherFor(key).Decrypt(sealedBytes[..NonceSize], sealedBytes[Overhead..], sealedBytes.Slice(NonceSize, TagSize), plain, associated);
        return plain;
    }
}
