using Petition.Web.Languages;
using SkiaSharp;

namespace Petition.Web.Sharing;

/// <summary>
/// The 1200×630 card that link previews show: the letter's title and how many have signed, drawn with SkiaSharp.
/// The fonts are DejaVu Sans from the system (Debian's fonts-dejavu-core); the native Skia build used here has no
/// fontconfig, so the files are opened by path. DejaVu has no Chinese, Japanese or Korean glyphs: a title that needs
/// them is drawn with Noto Sans CJK (Debian's fonts-noto-cjk, its Simplified Chinese face) when it is installed.
/// Skia draws characters as they come, so Arabic and Hebrew lines are shaped and put in visual order first
/// (<see cref="RightToLeft"/>, as the delivery PDF does) and set against the right margin.
/// </summary>
public sealed class ShareImage(ILogger<ShareImage> logger) : IDisposable
{
    public const int Width = 1200, Height = 630;
    public const float Margin = 72;

    static readonly string[] FontDirectories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"];

    /// <summary>Noto Sans CJK Bold; in Debian's collection the faces are JP, KR, SC, TC, HK, so 2 is Simplified Chinese.</summary>
    const string CjkFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    const int SimplifiedChineseFace = 2;

    readonly Lazy<(SKTypeface Bold, SKTypeface Regular)> typefaces = new(() => (Load("DejaVuSans-Bold.ttf", logger), Load("DejaVuSans.ttf", logger)));

    readonly Lazy<SKTypeface?> cjk = new(() => File.Exists(CjkFile) ? SKTypeface.FromFile(CjkFile, SimplifiedChineseFace) : null);

    static readonly SKColor Ink = new(0x1b, 0x1f, 0x24), Accent = new(0x0b, 0x57, 0xa4), Soft = new(0xf3, 0xf6, 0xfa), Muted = new(0x4a, 0x52, 0x5c);

    public byte[] Draw(string title, string countText, string siteName)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true };

        paint.Color = Accent;
        canvas.DrawRect(0, 0, Width, 16, paint);
        paint.Color = Soft;
        canvas.DrawRect(0, Height - 150, Width, 150, paint);

        foreach (var text in Layout(title, countText, siteName))
        {
            using var font = new SKFont(text.Typeface, text.Size);
            paint.Color = text.Color;
            canvas.DrawText(text.Text, text.X, text.Y, text.Align, font, paint);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The card's lines as they are drawn: the site's name, the title wrapped to fit, the count.</summary>
    internal IReadOnlyList<CardText> Layout(string title, string countText, string siteName)
    {
        var (bold, regular) = typefaces.Value;
        var texts = new List<CardText> { Line(siteName, TypefaceFor(siteName, regular), 30, 88, Muted) };

        var titleFace = TypefaceFor(title, bold);
        var (titleSize, lines) = CardTitle.Fit(title, titleFace, Width - 2 * Margin);
        var titleRightToLeft = RightToLeft.StartsRightToLeft(title); // every line of the title, whatever it starts with
        var y = 130 + titleSize;
        foreach (var line in lines)
        {
            texts.Add(Line(line, titleFace, titleSize, y, Ink, titleRightToLeft));
            y += titleSize * 1.2f;
        }

        // "12,000+ 个签名" in Chinese
        texts.Add(Line(countText, TypefaceFor(countText, bold), 52, Height - 56, Accent));
        return texts;
    }

    static CardText Line(string text, SKTypeface typeface, float size, float y, SKColor color, bool? rightToLeft = null)
    {
        var direction = rightToLeft ?? RightToLeft.StartsRightToLeft(text);
        return new CardText(RightToLeft.Visual(text, direction), typeface, size, y, color, direction);
    }

    /// <summary>DejaVu when it has every letter of the text, else the CJK face if it has them all, else DejaVu anyway.</summary>
    SKTypeface TypefaceFor(string text, SKTypeface preferred)
    {
        if (HasAllGlyphs(preferred, text) || cjk.Value is not { } fallback || !HasAllGlyphs(fallback, text))
            return preferred;
        return fallback;
    }

    static bool HasAllGlyphs(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs(new string(RightToLeft.Shape(text).Where(c => !char.IsWhiteSpace(c)).ToArray()));
        return glyphs.All(g => g != 0);
    }

    static SKTypeface Load(string file, ILogger logger)
    {
        foreach (var directory in FontDirectories)
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } typeface)
                return typeface;
        }
        // Without a font the card still has its colours, and the page's meta tags still carry the words.
        logger.LogWarning("Font {File} not found in {Directories}: install fonts-dejavu-core so share images show text", file, FontDirectories);
        return SKTypeface.Default;
    }

    public void Dispose()
    {
        if (cjk.IsValueCreated)
            cjk.Value?.Dispose();
        if (!typefaces.IsValueCreated)
            return;
        // The fallback is Skia's shared default, not ours to dispose.
        foreach (var typeface in new[] { typefaces.Value.Bold, typefaces.Value.Regular })
            if (!ReferenceEquals(typeface, SKTypeface.Default))
                typeface.Dispose();
    }
}
