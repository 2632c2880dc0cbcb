namespace Petition.Web.Imports;

/// <summary>A column of an import file: its heading as the file spells it, and the field it is read as (null: ignored).</summary>
public record ImportColumn(int Index, string Header, string? Field, string? Sample);

/// <summary>
/// Which column of a file holds which field. A spreadsheet or a form service's export brings columns of its own
/// ("Timestamp", "Score"): a column no one maps is ignored, not a reason to refuse the file. The headings people
/// type are guessed; the organiser can change any guess in the preview, and the choice is remembered per letter.
/// </summary>
public static class ImportColumns
{
    /// <summary>The fields a column can be read as, with the name the import page gives each.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Fields =
    [
        ("name", "Name"), ("email", "Email"), ("title", "Title"), ("organization", "Organisation"), ("category", "Category"),
        ("country", "Country"), ("city", "City"), ("comment", "Comment"), ("listPublicly", "List publicly"),
        ("notable", "Notable"), ("signedAt", "Signed at"), ("language", "Language"),
    ];

    /// <summary>The headings a file may use, with the spellings people type.</summary>
    static readonly Dictionary<string, string> Headings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "name", ["full name"] = "name", ["email"] = "email", ["e-mail"] = "email", ["email address"] = "email",
        ["title"] = "title", ["position"] = "title", ["organisation"] = "organization", ["organization"] = "organization",
        ["category"] = "category", ["country"] = "country", ["country code"] = "country", ["city"] = "city",
        ["comment"] = "comment", ["list publicly"] = "listPublicly", ["list_publicly"] = "listPublicly",
        ["listpublicly"] = "listPublicly", ["listed publicly"] = "listPublicly", ["notable"] = "notable",
        ["signed"] = "signedAt", ["signed at"] = "signedAt", ["signed_at"] = "signedAt", ["language"] = "language",
    };

    /// <summary>The organiser's choices kept with the letter (heading → field, "" for ignored), as JSON.</summary>
    public static IReadOnlyDictionary<string, string> Remembered(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, string>()
            : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>What was remembered, with this file's columns as they were read.</summary>
    public static string Remember(string? json, IReadOnlyList<ImportColumn> columns)
    {
        var all = new Dictionary<string, string>(Remembered(json), StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
            all[column.Header] = column.Field ?? "";
        return System.Text.Json.JsonSerializer.Serialize(all);
    }

    public static string Label(string field) => Fields.FirstOrDefault(f => f.Key == field).Label ?? field;

    public static bool IsField(string? field) => field is not null && Fields.Any(f => f.Key == field);

    /// <summary>
    /// The field each heading is read as: the organiser's choice for that heading when there is one ("" means
    /// ignore it), else the guess from its spelling, else nothing.
    /// </summary>
    public static string? FieldFor(string header, IReadOnlyDictionary<string, string>? chosen)
    {
        var key = header.Trim();
        if (chosen is not null && chosen.TryGetValue(key, out var field))
            return IsField(field) ? field : null;
        return Headings.GetValueOrDefault(key);
    }

    /// <summary>What stops the columns from being read, in the page's words; null when they can be.</summary>
    public static string? Problem(IReadOnlyList<ImportColumn> columns)
    {
        foreach (var group in columns.Where(c => c.Field is not null).GroupBy(c => c.Field!))
        {
            if (group.Count() > 1)
                return $"Columns {string.Join(" and ", group.Select(c => $"\"{c.Header}\""))} are all read as {Label(group.Key)}: choose one of them.";
        }
        foreach (var required in new[] { "name", "email" })
        {
            if (columns.All(c => c.Field != required))
                return $"No column is read as {Label(required)}: choose below which column holds it.";
        }
        return null;
    }

    /// <summary>The column a line error is about, named as the preview names it: the file's heading and the field.</summary>
    public static string Name(IReadOnlyList<ImportColumn> columns, string property)
    {
        var field = char.ToLowerInvariant(property[0]) + property[1..];
        return columns.FirstOrDefault(c => c.Field == field) is { } column
            ? $"Column \"{column.Header}\" ({Label(field)})"
            : Label(field);
    }
}
