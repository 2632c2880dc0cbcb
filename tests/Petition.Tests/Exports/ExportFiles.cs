using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Petition.Tests.Exports;

/// <summary>Reads an exported file back the way its recipient's tools would: a CSV reader, Excel's format, JSON, pdftotext, openssl.</summary>
public static class ExportFiles
{
    /// <summary>The rows of a CSV or XLSX file, heading row first.</summary>
    public static List<string[]> Table(string format, byte[] file) => format switch
    {
        "csv" => Csv(file),
        "xlsx" => Xlsx(file),
        _ => throw new ArgumentException(format),
    };

    static List<string[]> Csv(byte[] file)
    {
        Assert.True(file.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "A CSV export starts with the UTF-8 byte-order mark.");
        using var csv = new CsvReader(new StreamReader(new MemoryStream(file), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        return rows;
    }

    static List<string[]> Xlsx(byte[] file)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(Cells).ToList();
        var width = rows.Select(r => r.Count == 0 ? 0 : r.Keys.Max() + 1).DefaultIfEmpty(0).Max();
        return rows.Select(r => Enumerable.Range(0, width).Select(i => r.GetValueOrDefault(i, "")).ToArray()).ToList();
    }

    /// <summary>A row's cells by column, as a spreadsheet places them: a writer may leave an empty cell out.</summary>
    static Dictionary<int, string> Cells(Row row)
    {
        var cells = new Dictionary<int, string>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? Column(reference) : next;
            cells[column] = Unescape(cell.InnerText);
            next = column + 1;
        }
        return cells;
    }

    /// <summary>"C7" is column 2: letters in base 26, A = 1.</summary>
    static int Column(string reference) =>
        reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => n * 26 + char.ToUpperInvariant(c) - 'A' + 1) - 1;

    /// <summary>
    /// Cell text as a spreadsheet shows it: ECMA-376 lets a writer spell a character as _xHHHH_ (MiniExcel does for
    /// the halves of an emoji), and Excel and LibreOffice read it back as that character.
    /// </summary>
    static string Unescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "_x([0-9A-Fa-f]{4})_", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    public static JsonDocument Json(byte[] file) => JsonDocument.Parse(file);

    public static string PdfText(byte[] file) => Run("pdftotext", ["-enc", "UTF-8", "-", "-"], file).Output;

    /// <summary>pdffonts's table of the fonts the file embeds.</summary>
    public static string PdfFonts(byte[] file)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, file);
            return Run("pdffonts", [path]).Output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>openssl's own verdict on the file, its detached signature and the published key.</summary>
    public static (int ExitCode, string Output) OpensslVerify(byte[] file, byte[] signature, string publicKeyPem)
    {
        var directory = Directory.CreateTempSubdirectory("petition-verify-");
        try
        {
            File.WriteAllBytes(Path.Combine(directory.FullName, "export"), file);
            File.WriteAllBytes(Path.Combine(directory.FullName, "export.sig"), signature);
            File.WriteAllText(Path.Combine(directory.FullName, "key.pem"), publicKeyPem);
            return Run("openssl", ["dgst", "-sha256", "-verify", Path.Combine(directory.FullName, "key.pem"),
                "-signature", Path.Combine(directory.FullName, "export.sig"), Path.Combine(directory.FullName, "export")]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static (int ExitCode, string Output) Run(string program, string[] arguments, byte[]? input = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
            process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        // A tool that never ends fails the test that ran it, instead of holding the whole run.
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 2 minutes.");
        }
        process.WaitForExit(); // and its output is read to the end
        return (process.ExitCode, output.Result + error.Result);
    }
}
