using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Petition.Web.Signing;

namespace Petition.Web.Imports;

/// <summary>
/// One line of an import file, as read: the signer's details, the line it starts on, and what is wrong with its
/// shape (stray quotes, too many or too few fields), which makes the whole file refused.
/// </summary>
public record ImportLine(int Line, SignatureInput Input, string? SignedAt, bool Notable, string? Language, string? Problem = null);

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
        text = text.TrimStart('\uFEFF');
        string? badField = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            // Noted, not mended: the line is refused with where and why (CsvShape).
            BadDataFound = args => badField ??= args.Field,
        };
        var textLines = new TextLines(text);
        using var csv = new CsvReader(new StringReader(text), configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
                return Failed("The file is empty. Its first line must name the columns, e.g. name,email,organisation,country.");
            if (badField is not null)
                return Failed(CsvShape.Problem(1, header.Length, header.Length, badField, csv.Parser.Delimiter)!);
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
                badField = null;
                // Every field is read here: CsvHelper looks at a field's quoting only when the field is asked for.
                var fields = new string[csv.Parser.Count];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = csv.Parser[i];
                var line = textLines.LineAt(csv.Parser.CharCount - csv.Parser.RawRecord.Length);
                string? Field(string name) =>
                    columns.TryGetValue(name, out var index) && index < fields.Length && !string.IsNullOrWhiteSpace(fields[index])
                        ? fields[index].Trim() : null;
                var input = new SignatureInput
                {
                    Name = Field("name"), Email = Field("email"), Title = Field("title"), Organization = Field("organization"),
                    Category = Field("category"), Country = Field("country")?.ToUpperInvariant(), City = Field("city"),
                    Comment = Field("comment"), ListPublicly = IsYes(Field("listPublicly")),
                };
                lines.Add(new ImportLine(line, input, Field("signedAt"), IsYes(Field("notable")), Field("language"),
                    CsvShape.Problem(line, fields.Length, header.Length, badField, csv.Parser.Delimiter)));
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
