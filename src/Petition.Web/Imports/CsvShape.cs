namespace Petition.Web.Imports;

/// <summary>
/// What is wrong with the shape of a CSV line, in words an organiser can act on. A line with stray quotes or the
/// wrong number of fields is refused rather than mended: mended, its values would land in the wrong columns
/// ("Acme, Inc" unquoted puts " Inc" in the country) and be imported under someone's name.
/// </summary>
public static class CsvShape
{
    public static string? Problem(int line, int fields, int columns, string? badField, string delimiter)
    {
        if (badField is not null)
            return NeverClosed(badField)
                ? $"Line {line}: a double quote opened here is never closed, so the lines after it were read as one value. Close the quote or remove it."
                : $"Line {line}: a double quote is out of place in the value {Excerpt(badField)}. A value that holds quotes must be wrapped in double quotes, each quote inside it doubled: \"Jane \"\"JJ\"\" Doe\".";
        if (fields == columns)
            return null;
        return fields > columns
            ? $"Line {line}: {fields} fields where the header has {columns}. A value with a {Name(delimiter)} in it must be wrapped in double quotes{Example(delimiter)}."
            : $"Line {line}: {fields} fields where the header has {columns}. Each line needs a field for every column, even an empty one.";
    }

    /// <summary>An opening quote with nothing after it but doubled quotes: the parser read on to the end of the file.</summary>
    static bool NeverClosed(string field) =>
        field.StartsWith('"') && !field[1..].Replace("\"\"", "").Contains('"');

    static string Excerpt(string field)
    {
        var flat = field.ReplaceLineEndings(" ").Trim();
        return "[" + (flat.Length > 60 ? flat[..60] + "…" : flat) + "]";
    }

    static string Name(string delimiter) => delimiter switch { ";" => "semicolon", "\t" => "tab", _ => "comma" };

    static string Example(string delimiter) => delimiter is "," or ";" ? $", like \"Acme{delimiter} Inc\"" : "";
}
