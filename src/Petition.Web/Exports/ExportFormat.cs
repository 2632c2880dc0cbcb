namespace Petition.Web.Exports;

public enum ExportFormat { Csv, Xlsx, Json, Pdf }

public static class ExportFormats
{
    public static bool TryParse(string? value, out ExportFormat format) =>
        Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format);

    public static string Extension(this ExportFormat format) => format.ToString().ToLowerInvariant();

    public static string MediaType(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Json => "application/json; charset=utf-8",
        _ => "application/pdf",
    };
}

/// <summary>Who the list is for: each scope shows more, and needs more to be allowed.</summary>
public enum ExportScope
{
    /// <summary>Published, listed publicly and not hidden; the fields the letter makes public. Anyone.</summary>
    Public,

    /// <summary>Every signature the filter selects, with state, reasons and dates but no email. Moderators.</summary>
    Moderation,

    /// <summary>Every field, email and request data included. Admins only.</summary>
    Full,
}
