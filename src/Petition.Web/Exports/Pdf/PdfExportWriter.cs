using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Languages;
using Petition.Web.Letters;

namespace Petition.Web.Exports.Pdf;

/// <summary>
/// The document handed to the recipients: a cover with the title, recipients, date and count, the text of the
/// version signed, then the signatories (notable first) in a table that repeats its heading on every page, and page
/// numbers. PDFsharp keeps the document in memory until it is saved; a hundred thousand rows stay well under a minute
/// (see docs/benchmarks.md).
/// </summary>
public class PdfExportWriter(IOptions<ExportOptions> options, IStringLocalizer<SiteText> text) : IExportWriter
{
    const double Margin = 50, PageWidth = 595.28, PageHeight = 841.89, Bottom = PageHeight - Margin - 20;
    const double BodySize = 10.5, CellSize = 9, CellLine = 11.5, CellPadding = 3;

    /// <summary>The table's columns: the name, then the public fields (<see cref="PublicField"/>) the export holds.</summary>
    static readonly string[] TableKeys = ["name", .. PublicField.All.Select(f => f == PublicField.Country ? "countryName" : f.Key)];
    static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    static readonly XPen QuoteRule = new(XColor.FromArgb(160, 160, 160), 2);
    static readonly XBrush Stripe = new XSolidBrush(XColor.FromArgb(242, 242, 242));

    public ExportFormat Format => ExportFormat.Pdf;

    public int? MaxRows => options.Value.MaxPdfRows;

    public async Task WriteAsync(Stream output, ExportDocument document, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        PdfFonts.Register();
        // The cover, headings and country names in the language of the letter's text (ExportRequest.WrittenIn).
        using var language = SiteLanguages.Use(document.Language);
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.VersionTitle;
        pdf.Info.Creator = document.SiteName;
        pdf.Info.Author = document.Letter.Organiser.Name ?? document.SiteName;
        var layout = new Layout(pdf);

        var maxRows = options.Value.MaxPdfRows;
        WriteCover(layout, document, maxRows);
        var letterText = LetterText.Of(document.Letter, document.Language);
        var columns = TableKeys.Select(k => document.Columns.FirstOrDefault(c => c.Key == k)).OfType<ExportColumn>()
            .Select(c => c.Key switch
            {
                "countryName" => c with { Header = text["Country"], Value = r => c.Value(r) is null ? null : Countries.Name(r.Country!) },
                "category" => c with { Header = text[c.Header], Value = r => c.Value(r) is string category ? letterText.CategoryLabel(category) : null },
                // The level in words beside the name, when it says more than a confirmed email (the floor, not repeated).
                "name" => c with { Header = text[c.Header], Value = r => r.Verification == Verification.Email ? r.Name : $"{r.Name} ({text[r.Verification.Label()].Value})" },
                _ => c with { Header = text[c.Header] },
            })
            .ToList();
        var table = new Table(layout, columns);
        layout.NewPage();
        layout.Heading(text["Signatories"], 16);
        var number = 0;
        bool? notableSection = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (number == maxRows)
                break; // ends the database read too
            if (notableSection != row.Notable)
            {
                if (row.Notable || notableSection is not null)
                    layout.Heading(row.Notable ? text["Notable signatories"] : text["Further signatories"], 12);
                notableSection = row.Notable;
                table.Header();
            }
            table.Row(++number, row);
        }
        if (number == 0)
            layout.Paragraph(text["No signatures match this export."], BodySize);
        layout.Finish(document, (page, total) => text["Page {0} of {1}", page, total]);
        pdf.Save(output, closeStream: false);
    }

    void WriteCover(Layout layout, ExportDocument document, int maxRows)
    {
        var culture = CultureInfo.CurrentCulture;
        layout.NewPage();
        // The organisation that publishes the letter heads its letter, as on paper; the site's name when none is set.
        layout.Paragraph(document.Letter.Organiser.Name ?? document.SiteName, 9, Grey);
        layout.Space(6);
        layout.Heading(document.VersionTitle, 20);
        var at = document.GeneratedAt.UtcDateTime.ToString("D", culture) + ", " + document.GeneratedAt.UtcDateTime.ToString("HH:mm", culture) + " UTC";
        layout.Paragraph(text["To: {0}", document.Recipients], 11);
        layout.Paragraph(text["Date: {0}", at], 11);
        var listed = Math.Min(document.Count, maxRows);
        layout.Paragraph(text["Signatories in this document: {0}", listed.ToString("N0", culture)], 11, bold: true);
        // Those who chose to be counted without their name are in the count, not the list: the cover says so.
        if (document.Scope == ExportScope.Public && document.Filter == "none" && document.Counted > document.Count)
            layout.Paragraph(text["{0} signatures in all, of which {1} listed here: the others asked to be counted without their name.",
                document.Counted.ToString("N0", culture), document.Count.ToString("N0", culture)], 10);
        if (document.Count > maxRows)
            layout.Paragraph(text["The list has {0} signatories; this document holds the first {1}, notable signatories first. The CSV, Excel and JSON downloads, signed like this one, hold them all.",
                document.Count.ToString("N0", culture), maxRows.ToString("N0", culture)], 10);
        layout.Paragraph(text["Text: version {0} of the letter, {1}", document.Version, document.LetterUrl], 9, Grey);
        if (document.Scope != ExportScope.Public || document.Filter != "none")
            layout.Paragraph($"List: {document.Scope.ToString().ToLowerInvariant()}; filter: {document.Filter}", 9, Grey);
        layout.Space(14);
        foreach (var paragraph in LetterParagraphs.Of(document.VersionBody))
        {
            if (paragraph.Heading)
                layout.Heading(paragraph.Text, 13);
            else
                layout.Paragraph(paragraph.Spans, BodySize, indent: paragraph.Indent * 14, quote: paragraph.Quote);
            layout.Space(4);
        }
    }

    /// <summary>The pen: where the next line goes, and a new page when it would fall off this one.</summary>
    sealed class Layout(PdfDocument pdf)
    {
        XGraphics? graphics;
        public PdfText Text { get; private set; } = null!;
        public double Y { get; set; }
        public double Width => PageWidth - 2 * Margin;
        public XGraphics Graphics => graphics!;
        public event Action? PageStarted;

        public void NewPage()
        {
            graphics?.Dispose();
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            graphics = XGraphics.FromPdfPage(page);
            if (Text is null) Text = new PdfText(graphics);
            else Text.Measure = graphics;
            Y = Margin;
            PageStarted?.Invoke();
        }

        public void Ensure(double height)
        {
            if (Y + height > Bottom)
                NewPage();
        }

        public void Space(double height) => Y += height;

        public void Heading(string text, double size)
        {
            Ensure(size * 3);
            Y += size * 0.4;
            Paragraph(text, size, bold: true);
            Y += size * 0.3;
        }

        public void Paragraph(string text, double size, XBrush? brush = null, bool bold = false, double indent = 0)
        {
            foreach (var line in Text.Wrap(text, Width - indent, size, bold))
            {
                Ensure(size * 1.4);
                Text.Draw(Graphics, line, Margin + indent, Y, size, bold, brush);
                Y += size * 1.4;
            }
        }

        /// <summary>Styled text; a quote has a grey rule along its left edge, as printed letters set them off.</summary>
        public void Paragraph(IReadOnlyList<StyledSpan> spans, double size, double indent = 0, bool quote = false)
        {
            foreach (var line in Text.Wrap(spans, Width - indent, size))
            {
                Ensure(size * 1.4);
                if (quote)
                    Graphics.DrawLine(QuoteRule, Margin + indent - 8, Y, Margin + indent - 8, Y + size * 1.4);
                Text.Draw(Graphics, line, Margin + indent, Y, size);
                Y += size * 1.4;
            }
        }

        /// <summary>Page numbers, written once the number of pages is known.</summary>
        public void Finish(ExportDocument document, Func<int, int, string> pageOf)
        {
            graphics?.Dispose();
            graphics = null;
            var total = pdf.PageCount;
            for (var i = 0; i < total; i++)
            {
                using var footer = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
                Text.Measure = footer;
                var label = pageOf(i + 1, total);
                Text.Draw(footer, label, PageWidth - Margin - Text.Width(label, 8), PageHeight - Margin, 8, brush: Grey);
                Text.Draw(footer, Shorten(document.VersionTitle, 80), Margin, PageHeight - Margin, 8, brush: Grey);
            }
        }

        static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
    }

    /// <summary>The signatory table: a number, then the letter's public columns, wrapped within their widths.</summary>
    sealed class Table
    {
        readonly Layout layout;
        readonly List<ExportColumn> columns;
        readonly double numberWidth = 38;
        readonly double[] widths;
        bool headerOnPage;

        public Table(Layout layout, List<ExportColumn> columns)
        {
            this.layout = layout;
            this.columns = columns;
            var share = new Dictionary<string, double>
                { ["name"] = 3, ["title"] = 2, ["organization"] = 3, ["category"] = 2, ["countryName"] = 1.6, ["city"] = 1.6, ["comment"] = 4 };
            var sum = columns.Sum(c => share[c.Key]);
            widths = columns.Select(c => (layout.Width - numberWidth) * share[c.Key] / sum).ToArray();
            layout.PageStarted += () => headerOnPage = false;
        }

        public void Header()
        {
            layout.Ensure(CellLine * 3);
            var x = Margin;
            layout.Text.Draw(layout.Graphics, "#", x, layout.Y, CellSize, bold: true);
            x += numberWidth;
            for (var i = 0; i < columns.Count; i++)
            {
                layout.Text.Draw(layout.Graphics, columns[i].Header, x, layout.Y, CellSize, bold: true);
                x += widths[i];
            }
            layout.Y += CellLine + CellPadding;
            layout.Graphics.DrawLine(XPens.Gray, Margin, layout.Y, Margin + layout.Width, layout.Y);
            layout.Y += CellPadding;
            headerOnPage = true;
        }

        public void Row(int number, ExportRow row)
        {
            var cells = columns.Select((c, i) => layout.Text.Wrap(c.Text(row) ?? "", widths[i] - 6, CellSize)).ToList();
            var height = cells.Max(lines => lines.Count) * CellLine + 2 * CellPadding;
            layout.Ensure(height);
            if (!headerOnPage)
                Header();
            if (number % 2 == 0)
                layout.Graphics.DrawRectangle(Stripe, Margin, layout.Y, layout.Width, height);
            var top = layout.Y + CellPadding;
            layout.Text.Draw(layout.Graphics, number.ToString(CultureInfo.InvariantCulture), Margin, top, CellSize, brush: Grey);
            var x = Margin + numberWidth;
            for (var i = 0; i < cells.Count; i++)
            {
                var y = top;
                foreach (var line in cells[i])
                {
                    layout.Text.Draw(layout.Graphics, line, x, y, CellSize);
                    y += CellLine;
                }
                x += widths[i];
            }
            layout.Y += height;
        }
    }
}
