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
    /// <summary>The file's columns and what each is read as; empty when the header could not be read.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; init; } = [];

    public const int MaxLines = 20_000;
    public const int MaxBytes = 5 * 1024 * 1024;

    public bool HasListPubliclyColumn { get; init; }

    public static ImportFile Read(string text, IReadOnlyDictionary<string, string>? chosen = null)
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
            var headers = header.Select((h, i) => (Header: h?.Trim() ?? "", Index: i)).Where(h => h.Header.Length > 0).ToList();
            var columns = new Dictionary<string, int>();
            foreach (var (heading, index) in headers)
                if (ImportColumns.FieldFor(heading, chosen) is { } field)
                    columns.TryAdd(field, index);

            var lines = new List<ImportLine>();
            string[]? first = null;
            while (csv.Read())
            {
                if (lines.Count == MaxLines)
                    return Failed($"The file has more than {MaxLines:N0} signatures; split it into smaller files.");
                badField = null;
                // Every field is read here: CsvHelper looks at a field's quoting only when the field is asked for.
                var fields = new string[csv.Parser.Count];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = csv.Parser[i];
                first ??= fields;
                var line = textLines.LineAt(csv.Parser.CharCount - csv.Parser.RawRecord.Length);
                string? Field(string name) =>
                    columns.TryGetValue(name, out var index) && index < fields.Length && !string.IsNullOrWhiteSpace(fields[index])
                        ? fields[index].Trim() : null;
                var input = new SignatureInput
                {
                    Name = Field("name"), Email = Field("email"), Title = Field("title"), Organization = Field("organization"),
                    Category = Field("category"), Country = Letters.CountryLookup.Code(Field("country")) ?? Field("country"), City = Field("city"),
                    Comment = Field("comment"), ListPublicly = IsYes(Field("listPublicly")),
                };
                lines.Add(new ImportLine(line, input, Field("signedAt"), IsYes(Field("notable")), Field("language"),
                    CsvShape.Problem(line, fields.Length, header.Length, badField, csv.Parser.Delimiter)));
            }
            var described = headers.Select(h => new ImportColumn(h.Index, h.Header, ImportColumns.FieldFor(h.Header, chosen),
                first is not null && h.Index < first.Length ? first[h.Index] : null)).ToList();
            if (ImportColumns.Problem(described) is { } problem)
                return new ImportFile([], problem) { Columns = described };
            return new ImportFile(lines, null) { Columns = described, HasListPubliclyColumn = columns.ContainsKey("listPublicly") };
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
