using Petition.Web.Exports;
using Petition.Web.Languages;

namespace Petition.Tests.Unit;

public class ExportLogicTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\rReturn", "'\rReturn")]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("Ann = Bob", "Ann = Bob")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void A_cell_a_spreadsheet_could_run_gets_a_leading_apostrophe(string? text, string? expected) =>
        Assert.Equal(expected, SpreadsheetCell.Neutralise(text));

    [Fact]
    public async Task A_csv_field_with_a_lone_line_break_is_quoted_so_its_row_stays_whole()
    {
        var columns = new[] { new ExportColumn("name", "Name", r => r.Name), new ExportColumn("comment", "Comment", r => r.Comment) };
        var document = new ExportDocument("Site", new Petition.Data.Letters.Letter { Slug = "s", Title = "T", Recipients = "R", Body = "B" },
            "http://x", 1, "T", "B", ExportScope.Moderation, "none", 1, DateTimeOffset.UnixEpoch, columns);
        var row = new ExportRow(1, 1, default, default, "\rReturned", "", null, null, null, null, null, "first\nsecond", true, false,
            false, null, null, false, DateTimeOffset.UnixEpoch, null, null, null, null, null, null, null, null, false, null, null);
        using var output = new MemoryStream();
        await new CsvExportWriter().WriteAsync(output, document, new[] { row }.ToAsyncEnumerable(), CancellationToken.None);
        Assert.EndsWith("Name,Comment\r\n\"'\rReturned\",\"first\nsecond\"\r\n", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Arabic_letters_take_their_joined_forms_and_read_right_to_left()
    {
        // محمد: meem initial, hah medial, meem medial, dal final; drawn right to left, so reversed for a left-to-right pen.
        Assert.Equal("\uFEAA\uFEE4\uFEA4\uFEE3", RightToLeft.Visual("محمد"));
        // lam followed by alef becomes the lam-alef ligature.
        Assert.Equal("\uFEFB", RightToLeft.Shape("لا"));
        Assert.Equal("Ali \uFEAA\uFEE4\uFEA4\uFEE3", RightToLeft.Visual("محمد Ali"));
        Assert.Equal("Plain Latin", RightToLeft.Visual("Plain Latin"));
        // The space between a number and an Arabic word goes with the right-to-left paragraph, not the number.
        Assert.Equal("\uFEE1\uFE8E\uFEE3\uFE83 2026", RightToLeft.Visual("2026 أمام", rightToLeft: true));
        Assert.Equal("2026 \uFEE1\uFE8E\uFEE3\uFE83", RightToLeft.Visual("أمام 2026"));
    }
}
