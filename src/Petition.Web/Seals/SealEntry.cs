using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Keys;
using Petition.Web.Signatories;

namespace Petition.Web.Seals;

/// <summary>
/// What a leaf of a seal is: one counted signature's public entry, as UTF-8 JSON with its keys in a fixed order, and
/// a salt of its own. A listed signer's entry is their line of the public list; an unlisted one's says only that it
/// is counted. The salt keeps the hashes a receipt reveals of its neighbours from being matched against guesses.
/// </summary>
public sealed class SealEntry(SiteKeys keys)
{
    /// <summary>The key the salts are derived from: the same salt for a signature in every seal, never stored.</summary>
    static readonly SiteKeyKind SaltKind = new(3, "Petition.Seals.EntrySalt",
        () => new SiteKeyValue(RandomNumberGenerator.GetBytes(32), null));

    public const int SaltSize = 16;

    public async Task<Func<long, byte[]>> SaltsAsync(CancellationToken cancellationToken)
    {
        var key = (await keys.GetAsync(SaltKind, cancellationToken)).Secret;
        return id => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"seal-entry:{id}"))[..SaltSize];
    }

    /// <summary>The entry's bytes. <paramref name="namesPublic"/> false (the organiser holds names back) seals every entry as counted only.</summary>
    public static byte[] Bytes(string letterSlug, LetterFields fields, SignatoryRow row, byte[] salt, bool namesPublic)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("letter", letterSlug);
            json.WriteString("salt", Convert.ToHexStringLower(salt));
            if (row.Listed && namesPublic)
            {
                var line = row.ToPublic(fields);
                json.WriteString("name", line.Name);
                foreach (var field in PublicField.All)
                    if (line.Value(field) is { } value)
                        json.WriteString(field.Key, value);
                // Written only when set, so the entries of lists sealed before organisations could sign stay the same.
                if (line.ForOrganization)
                {
                    json.WriteBoolean("forOrganization", true);
                    json.WriteString("website", line.Website);
                }
            }
            else
            {
                json.WriteBoolean("counted", true);
            }
            json.WriteString("verification", row.Verification.Word());
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
