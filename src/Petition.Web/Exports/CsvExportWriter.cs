using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Petition.Web.Exports;

/// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8.</summary>
public class CsvExportWriter : IExportWriter
{
    static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        // Once NewLine is set, CsvHelper quotes only a field that holds that very "\r\n": a lone \r or \n (a comment
        // sent through the API, a name that starts with one) would end the row there and shift every row after it.
        ShouldQuote = args => args.Field is { Length: > 0 } field
            && (field.AsSpan().IndexOfAny("\",\r\n") >= 0 || field[0] == ' ' || field[^1] == ' '),
    };

    public ExportFormat Format => ExportFormat.Csv;

    public async Task WriteAsync(Stream output, ExportDocument document, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration, leaveOpen: true);
        var columns = document.Columns;
        foreach (var column in columns)
            csv.WriteField(SpreadsheetCell.Neutralise(column.Header));
        csv.NextRecord();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
                csv.WriteField(SpreadsheetCell.Neutralise(column.Text(row)));
            csv.NextRecord();
        }
        await csv.FlushAsync();
    }
}
