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
    IReadOnlyDictionary<string, int> Levels,
    IReadOnlyDictionary<string, int>? Kinds = null)
{
    public record LetterPart(string Slug, string Title, string Url, int Version);

    public const string FileName = "manifest.json";

    /// <summary>On a letter that takes organisations: the rows for organisations and for individuals, apart.</summary>
    public static Dictionary<string, int> KindsOf(int organisations, int rows) =>
        new() { ["organizations"] = organisations, ["individuals"] = rows - organisations };

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}
