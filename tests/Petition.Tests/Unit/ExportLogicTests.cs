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
