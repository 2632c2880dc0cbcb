using System.Text.Json;
using System.Text.Json.Serialization;

namespace Petition.Web.Seals;

/// <summary>
/// What the site signs when a list is sealed, published on the letter's timeline: which list, at what moment, how
/// many entries, how many of each verification level, and the Merkle root. Anyone holding a receipt checks their
/// entry against <see cref="Root"/>, and this statement against the site's key.
/// </summary>
public record SealStatement(
    string Type,
    string Site,
    SealStatement.LetterPart Letter,
    int Seal,
    DateTimeOffset SealedAt,
    int Size,
    int Listed,
    bool NamesHeld,
    IReadOnlyDictionary<string, int> Levels,
    string Tree,
    string Root,
    string SigningKey,
    IReadOnlyDictionary<string, int>? Kinds = null)
{
    public const string TypeName = "petition-list-seal/1";
    public const string TreeName = "RFC 9162 Merkle tree, SHA-256; leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left || right)";

    public record LetterPart(string Slug, string Title, string Url, int Version);

    /// <summary>Absent on a letter that takes no organisations, so such a statement reads as it always did.</summary>
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static SealStatement? Read(byte[] utf8) => JsonSerializer.Deserialize<SealStatement>(utf8, Json);
}
