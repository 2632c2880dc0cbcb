namespace Petition.Web.Exports;

/// <summary>
/// Text a spreadsheet could run as a formula is written with a leading apostrophe, as OWASP advises for CSV
/// injection: a signer named "=HYPERLINK(...)" must stay a name when an organiser opens the list in Excel.
/// </summary>
public static class SpreadsheetCell
{
    static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Neutralise(string? text) =>
        string.IsNullOrEmpty(text) || Array.IndexOf(Triggers, text[0]) < 0 ? text : "'" + text;
}
