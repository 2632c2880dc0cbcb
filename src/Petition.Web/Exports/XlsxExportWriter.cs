using MiniExcelLibs;

namespace Petition.Web.Exports;

/// <summary>
/// An Excel workbook written by MiniExcel, which streams rows into the zip as they come: a million rows take about
/// as much memory as ten. (The Open XML SDK holds every part in memory until the package is saved unless the stream
/// is write-only, which its packaging layer refuses; see docs/decisions/017.) Every cell passes the spreadsheet guard.
/// </summary>
public class XlsxExportWriter : IExportWriter
{
    public ExportFormat Format => ExportFormat.Xlsx;

    public Task WriteAsync(Stream output, ExportDocument document, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken) =>
        MiniExcel.SaveAsAsync(output, Sheet(document.Columns, rows, cancellationToken), printHeader: true,
            sheetName: "Signatories", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);

    /// <summary>Rows as MiniExcel takes them, keyed by heading; read from the database as MiniExcel asks for them.</summary>
    static IEnumerable<Dictionary<string, object?>> Sheet(IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportRow> rows,
        CancellationToken cancellationToken)
    {
        foreach (var row in rows.ToBlockingEnumerable(cancellationToken))
        {
            var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            foreach (var column in columns)
                cells[SpreadsheetCell.Neutralise(column.Header)!] = SpreadsheetCell.Neutralise(column.Text(row));
            yield return cells;
        }
    }
}
