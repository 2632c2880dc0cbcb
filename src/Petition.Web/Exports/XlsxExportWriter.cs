using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Petition.Web.Exports;

/// <summary>
/// An Excel workbook written with the Open XML SDK's forward-only writer, so the sheet is never held in memory.
/// Every cell is an inline string (no shared-string table to build) and passes the spreadsheet guard.
/// </summary>
public class XlsxExportWriter : IExportWriter
{
    public ExportFormat Format => ExportFormat.Xlsx;

    public async Task WriteAsync(Stream output, ExportDocument document, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        using var workbook = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = workbook.AddWorkbookPart();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var sheet = OpenXmlWriter.Create(sheetPart))
        {
            sheet.WriteStartElement(new Worksheet());
            // The heading row stays in view while scrolling a long list.
            sheet.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
            sheet.WriteStartElement(new SheetData());
            WriteRow(sheet, document.Columns.Select(c => c.Header));
            await foreach (var row in rows.WithCancellation(cancellationToken))
                WriteRow(sheet, document.Columns.Select(c => c.Text(row)));
            sheet.WriteEndElement();
            sheet.WriteEndElement();
        }
        using (var book = OpenXmlWriter.Create(workbookPart))
        {
            book.WriteStartElement(new Workbook());
            book.WriteStartElement(new Sheets());
            book.WriteElement(new Sheet { Name = "Signatories", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) });
            book.WriteEndElement();
            book.WriteEndElement();
        }
    }

    static void WriteRow(OpenXmlWriter sheet, IEnumerable<string?> cells)
    {
        sheet.WriteStartElement(new Row());
        foreach (var text in cells)
        {
            if (SpreadsheetCell.Neutralise(text) is not { } value)
            {
                sheet.WriteElement(new Cell());
                continue;
            }
            sheet.WriteElement(new Cell(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
            {
                DataType = CellValues.InlineString,
            });
        }
        sheet.WriteEndElement();
    }
}
