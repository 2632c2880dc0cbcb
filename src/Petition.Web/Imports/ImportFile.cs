using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Petition.Web.Signing;

namespace Petition.Web.Imports;

/// <summary>One line of an import file, as read: the signer's details and the line it came from.</summary>
public record ImportLine(int Line, SignatureInput Input, string? SignedAt, bool Notable, string? Language);

/// <summary>An import file read whole, or the reason it cannot be read at all.</summary>
public record ImportFile(IReadOnlyList<ImportLine> Lines, string? Problem)
{
    public const int MaxLines = 20_000;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The headings a file may use, with the spellings people type; name and email are required.</summary>
    static readonly Dictionary<string, string> Headings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "name", ["email"] = "email", ["e-mail"] = "email", ["title"] = "title", ["position"] = "title",
        ["organisation"] = "organization", ["organization"] = "organization", ["category"] = "category",
        ["country"] = "country", ["country code"] = "country", ["city"] = "city", ["comment"] = "comment",
        ["list publicly"] = "listPublicly", ["list_publicly"] = "listPublicly", ["listpublicly"] = "listPublicly",
        ["listed publicly"] = "listPublicly", ["notable"] = "notable", ["signed"] = "signedAt",
        ["signed at"] = "signedAt", ["signed_at"] = "signedAt", ["language"] = "language",
    };

    public bool HasListPubliclyColumn { get; init; }

    public static ImportFile Read(string text)
    {
        if (text.Length > MaxBytes)
            return Failed($"The file is larger than {MaxBytes / 1024 / 1024} MB; split it into smaller files.");
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = null,
        };
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
                return Failed("The file is empty. Its first line must name the columns, e.g. name,email,organisation,country.");
            var columns = new Dictionary<string, int>();
            for (var i = 0; i < header.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(header[i]))
                    continue;
                if (!Headings.TryGetValue(header[i].Trim(), out var field))
                    return Failed($"Column \"{header[i]}\" is not one we know. Use: {string.Join(", ", Headings.Values.Distinct())}.");
                if (!columns.TryAdd(field, i))
                    return Failed($"Column \"{header[i]}\" appears twice.");
            }
            if (!columns.ContainsKey("name") || !columns.ContainsKey("email"))
                return Failed("The file needs a \"name\" and an \"email\" column.");

            var lines = new List<ImportLine>();
            while (csv.Read())
            {
                if (lines.Count == MaxLines)
                    return Failed($"The file has more than {MaxLines:N0} signatures; split it into smaller files.");
                string? Field(string name) =>
                    columns.TryGetValue(name, out var index) && csv.TryGetField<string>(index, out var value) && !string.IsNullOrWhiteSpace(value)
                        ? value.Trim() : null;
                var input = new SignatureInput
                {
                    Name = Field("name"), Email = Field("email"), Title = Field("title"), Organization = Field("organization"),
                    Category = Field("category"), Country = Field("country")?.ToUpperInvariant(), City = Field("city"),
                    Comment = Field("comment"), ListPublicly = IsYes(Field("listPublicly")),
                };
                lines.Add(new ImportLine(csv.Parser.RawRow, input, Field("signedAt"), IsYes(Field("notable")), Field("language")));
            }
            return new ImportFile(lines, null) { HasListPubliclyColumn = columns.ContainsKey("listPublicly") };
        }
        catch (CsvHelperException e)
        {
            return Failed($"The file is not valid CSV near line {e.Context?.Parser?.RawRow}: {e.Message.Split('\n')[0]}");
        }
    }

    static ImportFile Failed(string problem) => new([], problem);

    static bool IsYes(string? value) =>
        value is not null && (value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value == "1" || value.Equals("y", StringComparison.OrdinalIgnoreCase) || value.Equals("x", StringComparison.OrdinalIgnoreCase));
}
