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
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output[Overhead..], output.Slice(NonceSize, TagSize), associated);
    }

    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated = default)
    {
        if (sealedBytes.Length < Overhead)
            throw new CryptographicException("The sealed value is too short.");
        var plain = new byte[sealedBytes.Length - Overhead];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[Overhead..], sealedBytes.Slice(NonceSize, TagSize), plain, associated);
        return plain;
    }
}
