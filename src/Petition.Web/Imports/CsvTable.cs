using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Petition.Web.Imports;

/// <summary>A line of a CSV file as read: the line it starts on, its fields, and what is wrong with its shape.</summary>
public record CsvRow(int Line, string[] Fields, string? Problem);

/// <summary>
/// A CSV file an organiser uploads (signatures, recipients), read whole: comma, semicolon or tab, a byte-order mark
/// or none, every line numbered as their editor numbers it, and a line with stray quotes or the wrong number of
/// fields marked with why (<see cref="CsvShape"/>) instead of mended.
/// </summary>
public record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, string? Problem)
{
    public static CsvTable Read(string text, int maxLines, string what)
    {
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
            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                if (rows.Count == maxLines)
                    return Failed($"The file has more than {maxLines:N0} {what}; split it into smaller files.");
                badField = null;
                // Every field is read here: CsvHelper looks at a field's quoting only when the field is asked for.
                var fields = new string[csv.Parser.Count];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = csv.Parser[i];
                var line = textLines.LineAt(csv.Parser.CharCount - csv.Parser.RawRecord.Length);
                rows.Add(new CsvRow(line, fields, CsvShape.Problem(line, fields.Length, header.Length, badField, csv.Parser.Delimiter)));
            }
            return new CsvTable(header.Select(h => h?.Trim() ?? "").ToList(), rows, null);
        }
        catch (CsvHelperException e)
        {
            return Failed($"The file is not valid CSV near line {e.Context?.Parser?.RawRow}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>A field by column, trimmed; null when the line has no such field or it is blank.</summary>
    public static string? Field(CsvRow row, int? index) =>
        index is { } i && i < row.Fields.Length && !string.IsNullOrWhiteSpace(row.Fields[i]) ? row.Fields[i].Trim() : null;

    static CsvTable Failed(string problem) => new([], [], problem);
}
