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
        var table = CsvTable.Read(text, MaxLines, "signatures");
        if (table.Problem is not null)
            return Failed(table.Problem);
        var columns = table.Header.Select((h, i) => (Header: h, Index: i)).Where(h => h.Header.Length > 0)
            .Select(h => new ImportColumn(h.Index, h.Header, ImportColumns.FieldFor(h.Header, chosen),
                table.Rows.Count > 0 ? CsvTable.Field(table.Rows[0], h.Index) : null))
            .ToList();
        if (ImportColumns.Problem(columns) is { } problem)
            return new ImportFile([], problem) { Columns = columns };
        var indexOf = columns.Where(c => c.Field is not null).ToDictionary(c => c.Field!, c => c.Index);
        var lines = table.Rows.Select(row =>
        {
            string? Field(string name) => CsvTable.Field(row, indexOf.TryGetValue(name, out var index) ? index : null);
            var input = new SignatureInput
            {
                Name = Field("name"), Email = Field("email"), Title = Field("title"), Organization = Field("organization"),
                Category = Field("category"), Country = Letters.CountryLookup.Code(Field("country")) ?? Field("country"),
                City = Field("city"), Comment = Field("comment"), ListPublicly = IsYes(Field("listPublicly")),
            };
            return new ImportLine(row.Line, input, Field("signedAt"), IsYes(Field("notable")), Field("language"), row.Problem);
        }).ToList();
        return new ImportFile(lines, null) { Columns = columns, HasListPubliclyColumn = indexOf.ContainsKey("listPublicly") };
    }

    static ImportFile Failed(string problem) => new([], problem);

    static bool IsYes(string? value) =>
        value is not null && (value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value == "1" || value.Equals("y", StringComparison.OrdinalIgnoreCase) || value.Equals("x", StringComparison.OrdinalIgnoreCase));
}
