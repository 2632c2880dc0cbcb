using Microsoft.Extensions.Logging.Abstractions;
using Petition.Web.Languages;
using Petition.Web.Sharing;

namespace Petition.Tests.Sharing;

/// <summary>
/// An Arabic title on the share card reads right to left with joined letters. Checked on the strings handed to the
/// canvas (Skia draws them as they come), not on pixels.
/// </summary>
public sealed class RightToLeftCardTests : IDisposable
{
    readonly ShareImage image = new(NullLogger<ShareImage>.Instance);

    static bool IsUnjoinedArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';

    [Fact]
    public void An_Arabic_title_is_joined_put_in_visual_order_and_set_against_the_right_margin()
    {
        var title = image.Layout("رسالة إلى محمد", "12 signatures", "Petition")[1];

        // The last word read is drawn leftmost: final dal, medial meem, medial hah, initial meem.
        Assert.StartsWith("\uFEAA\uFEE4\uFEA4\uFEE3 ", title.Text);
        Assert.DoesNotContain(title.Text, IsUnjoinedArabicLetter);
        Assert.True(title.RightToLeft);
        Assert.Equal(SkiaSharp.SKTextAlign.Right, title.Align);
        Assert.Equal(ShareImage.Width - ShareImage.Margin, title.X);
    }

    [Fact]
    public void A_long_Arabic_title_wraps_in_reading_order_with_every_line_on_the_right()
    {
        const string title = "اطرحوا الأسئلة الصعبة في الاستعراض الدوري الشامل أمام الدول الأعضاء في الأمم المتحدة ومجلس حقوق الإنسان";
        var lines = image.Layout(title, "12 signatures", "Petition").Skip(1).SkipLast(1).ToList();

        Assert.True(lines.Count > 1, "the title wraps");
        Assert.All(lines, l => Assert.Equal(ShareImage.Width - ShareImage.Margin, l.X));
        // The first word is on the first line, at its right end; the last word ends the last line, at its left end.
        Assert.EndsWith(RightToLeft.Visual("اطرحوا"), lines[0].Text);
        Assert.StartsWith(RightToLeft.Visual("الإنسان"), lines[^1].Text);
    }

    [Fact]
    public void A_Latin_title_and_the_count_are_drawn_as_written_from_the_left()
    {
        var texts = image.Layout("Free the doctors", "12 signatures", "Petition");

        Assert.Equal(["Petition", "Free the doctors", "12 signatures"], texts.Select(t => t.Text));
        Assert.All(texts, t => Assert.Equal((ShareImage.Margin, SkiaSharp.SKTextAlign.Left), (t.X, t.Align)));
    }

    public void Dispose() => image.Dispose();
}
