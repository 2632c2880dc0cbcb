using System.Text.Json;

namespace Petition.Web.Exports;

/// <summary>
/// What a file is, said in a document the site signs with it: the file's own signature covers only its bytes, and
/// a CSV does not say which letter, which list or which moment it is of. A recipient who checks both knows that the
/// site issued this file as that letter's list, filtered so, at that time.
/// </summary>
public record ExportManifest(
    string File,
    string Sha256,
    int Rows,
    string Site,
    ExportManifest.LetterPart Letter,
    string List,
    string Filter,
    DateTimeOffset GeneratedAt,
    string SigningKey,
    IReadOnlyDictionary<string, int> Levels)
{
    public record LetterPart(string Slug, string Title, string Url, int Version);

    public const string FileName = "manifest.json";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}
