namespace Petition.Data.Sealing;

/// <summary>
/// Seals and opens personal data with the site's current key (AES-256-GCM; the key's id travels with each value, so
/// keys can rotate). Implemented by the web app, which holds the keys; the database holds only what it returns.
/// </summary>
public interface IPersonalDataSeal
{
    byte[] Seal(ReadOnlySpan<byte> plain);

    byte[] Open(byte[] sealedValue);

    /// <summary>A keyed hash (HMAC-SHA256, lower-case hex): finds a value by equality without storing it.</summary>
    string Hash(string value);
}
