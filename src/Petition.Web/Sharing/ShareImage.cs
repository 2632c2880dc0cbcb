using System.Diagnostics;
using SkiaSharp;

namespace Petition.Web.Sharing;

/// <summary>
/// The 1200×630 card that link previews show: the letter's title and how many have signed, drawn with SkiaSharp.
/// The fonts are DejaVu Sans from the system (Debian's fonts-dejavu-core); the native Skia build used here has no
/// fontconfig, so the files are opened by path. DejaVu has no Chinese, Japanese or Korean glyphs: a title that needs
/// them is drawn with Noto Sans CJK (Debian's fonts-noto-cjk, its Simplified Chinese face) when it is installed.
/// </summary>
public sealed class ShareImage(ILogger<ShareImage> logger) : IDisposable
{
    public const int Width = 1200, Height = 630;
    const float Margin = 72;

    static readonly string[] FontDirectories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"];

    /// <summary>Noto Sans CJK Bold; in Debian's collection the faces are JP, KR, SC, TC, HK, so 2 is Simplified Chinese.</summary>
    const string CjkFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    const int SimplifiedChineseFace = 2;

    readonly Lazy<(SKTypeface Bold, SKTypeface Regular)> typefaces = new(() => (Load("DejaVuSans-Bold.ttf", logger), Load("DejaVuSans.ttf", logger)));

    readonly Lazy<SKTypeface?> cjk = new(() => File.Exists(CjkFile) ? SKTypeface.FromFile(CjkFile, SimplifiedChineseFace) : null);

    static readonly SKColor Ink = new(0x1b, 0x1f, 0x24), Accent = new(0x0b, 0x57, 0xa4), Soft = new(0xf3, 0xf6, 0xfa), Muted = new(0x4a, 0x52, 0x5c);

    public byte[] Draw(string title, string countText, string siteName)
    {
        var (bold, regular) = typefaces.Value;
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true };

        paint.Color = Accent;
        canvas.DrawRect(0, 0, Width, 16, paint);
        paint.Color = Soft;
        canvas.DrawRect(0, Height - 150, Width, 150, paint);

        using var siteFont = new SKFont(regular, 30);
        paint.Color = Muted;
        canvas.DrawText(siteName, Margin, 88, SKTextAlign.Left, siteFont, paint);

        var titleFace = TypefaceFor(title, bold);
        var (titleSize, lines) = FitTitle(title, titleFace);
        using (var titleFont = new SKFont(titleFace, titleSize))
        {
            paint.Color = Ink;
            var y = 130 + titleSize;
            foreach (var line in lines)
            {
                canvas.DrawText(line, Margin, y, SKTextAlign.Left, titleFont, paint);
                y += titleSize * 1.2f;
            }
        }

        using var countFont = new SKFont(TypefaceFor(countText, bold), 52); // "12,000+ 个签名" in Chinese
        paint.Color = Accent;
        canvas.DrawText(countText, Margin, Height - 56, SKTextAlign.Left, countFont, paint);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
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
        var glyphs = font.GetGlyphs(new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()));
        return glyphs.All(g => g != 0);
    }

    /// <summary>The largest size at which the whole title fits in four lines; the smallest, cut short, if none does.</summary>
    static (float Size, List<string> Lines) FitTitle(string title, SKTypeface typeface)
    {
        float[] sizes = [64, 56, 48, 42];
        foreach (var size in sizes)
        {
            using var font = new SKFont(typeface, size);
            var (lines, cut) = Wrap(title, font, Width - 2 * Margin, maxLines: 4);
            if (!cut || size == sizes[^1])
                return (size, lines);
        }
        throw new UnreachableException();
    }

    static (List<string> Lines, bool Cut) Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Words(text, font, width))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (font.MeasureText(candidate) <= width || line.Length == 0)
            {
                line = candidate;
                continue;
            }
            lines.Add(line);
            line = word;
            if (lines.Count == maxLines)
                break;
        }
        if (lines.Count < maxLines && line.Length > 0)
            return ([.. lines, line], false);
        if (lines.Count == maxLines && line.Length > 0)
        {
            var last = lines[^1];
            while (last.Length > 1 && font.MeasureText(last + "…") > width)
                last = last[..^1];
            lines[^1] = last.TrimEnd() + "…";
            return (lines, true);
        }
        return (lines, false);
    }

    /// <summary>
    /// The text split at spaces; a piece wider than a line (Chinese has no spaces between words) is split between
    /// characters, never inside one.
    /// </summary>
    static IEnumerable<string> Words(string text, SKFont font, float width)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (font.MeasureText(word) <= width)
            {
                yield return word;
                continue;
            }
            var piece = "";
            var elements = System.Globalization.StringInfo.GetTextElementEnumerator(word);
            while (elements.MoveNext())
            {
                var next = piece + elements.GetTextElement();
                if (piece.Length > 0 && font.MeasureText(next) > width)
                {
                    yield return piece;
                    next = elements.GetTextElement();
                }
                piece = next;
            }
            if (piece.Length > 0)
                yield return piece;
        }
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
