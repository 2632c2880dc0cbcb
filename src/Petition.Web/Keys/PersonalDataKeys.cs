using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Petition.Data.Sealing;

namespace Petition.Web.Keys;

/// <summary>
/// The keys that seal signers' personal data, and the keyed hash that finds a signer by address. Each key is one of
/// the <see cref="SiteKeys"/> (sealed by the data-protection ring, itself sealed by the key file); a sealed value
/// starts with a format byte and the id of its key, bound to it as associated data, so values sealed under an older
/// key still open after a rotation. Loaded once, before the first request.
/// </summary>
public sealed class PersonalDataKeys(SiteKeys keys) : IPersonalDataSeal
{
    const byte Format = 1;
    const int HeaderSize = 5;

    /// <summary>The first generation's id among the site keys; each rotation adds one.</summary>
    public const int FirstKeyId = 100;

    volatile int current = FirstKeyId;

    /// <summary>The key new values are sealed with: the newest generation when this instance started (or rotated).</summary>
    public int CurrentKeyId => current;

    /// <summary>The HMAC key of addresses: the same one that records withdrawn addresses, so their hashes agree.</summary>
    static readonly SiteKeyKind AddressKind = new(2, "Petition.Signing.WithdrawnAddresses",
        () => new SiteKeyValue(RandomNumberGenerator.GetBytes(32), null));

    readonly ConcurrentDictionary<int, byte[]> sealingKeys = new();
    byte[]? addressKey;

    public static SiteKeyKind SealingKind(int id) => new(id, $"Petition.PersonalData.{id}",
        () => new SiteKeyValue(RandomNumberGenerator.GetBytes(32), null));

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        addressKey ??= (await keys.GetAsync(AddressKind, cancellationToken)).Secret;
        current = await keys.NewestAsync(FirstKeyId, cancellationToken) ?? FirstKeyId;
        await SealingKeyAsync(current, cancellationToken);
    }

    /// <summary>
    /// Makes the next generation and seals with it from now on (this instance; the others once they restart).
    /// Values sealed before still open; <see cref="KeyRotation"/> re-seals them.
    /// </summary>
    public async Task<int> RotateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var next = current + 1;
        await SealingKeyAsync(next, cancellationToken);
        return current = next;
    }

    async Task<byte[]> SealingKeyAsync(int id, CancellationToken cancellationToken) =>
        sealingKeys.TryGetValue(id, out var key) ? key
            : sealingKeys[id] = (await keys.GetAsync(SealingKind(id), cancellationToken)).Secret;

    /// <summary>Loaded at start; a path that runs before (a command) waits for it here once.</summary>
    byte[] SealingKey(int id) => sealingKeys.TryGetValue(id, out var key) ? key
        : SealingKeyAsync(id, CancellationToken.None).GetAwaiter().GetResult();

    byte[] AddressKey => addressKey ??= keys.GetAsync(AddressKind, CancellationToken.None).GetAwaiter().GetResult().Secret;

    /// <summary>Lower-case hex HMAC-SHA256 of a canonical address (see <see cref="Text.EmailAddress.Canonicalize"/>).</summary>
    public string AddressHash(string canonical) => Hash(canonical);

    public string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(AddressKey, Encoding.UTF8.GetBytes(value)));

    /// <summary>A keyed hash of an address's domain (lower case), for narrowing and counting by domain without storing it.</summary>
    public string DomainHash(string domain) => AddressHash("@" + domain.Trim().TrimStart('@').ToLowerInvariant());

    /// <summary>What finds this signature by its address: the keyed hashes of the canonical address and of its domain.</summary>
    public void Identify(Petition.Data.Signatures.Signature signature, string canonical)
    {
        signature.EmailHash = AddressHash(canonical);
        signature.DomainHash = DomainHash(Text.EmailAddress.Domain(canonical));
    }

    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var output = new byte[HeaderSize + Sealing.Overhead + plain.Length];
        output[0] = Format;
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(1, 4), CurrentKeyId);
        Sealing.Seal(SealingKey(CurrentKeyId), plain, output.AsSpan(HeaderSize), output.AsSpan(0, HeaderSize));
        return output;
    }

    public byte[] Open(byte[] sealedValue)
    {
        if (sealedValue.Length < HeaderSize || sealedValue[0] != Format)
            throw new CryptographicException("Not a sealed value of a known format.");
        return Sealing.Open(SealingKey(KeyIdOf(sealedValue)), sealedValue.AsSpan(HeaderSize), sealedValue.AsSpan(0, HeaderSize));
    }

    public static int KeyIdOf(byte[] sealedValue) => BinaryPrimitives.ReadInt32LittleEndian(sealedValue.AsSpan(1, 4));
}
