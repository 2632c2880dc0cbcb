using System.Text;
using PdfSharp.Fonts;

namespace Petition.Web.Exports.Pdf;

/// <summary>
/// The fonts the delivery PDF embeds, from Debian packages: DejaVu Sans (fonts-dejavu-core) for Latin, Greek,
/// Cyrillic, Hebrew and Arabic; Droid Sans Fallback (fonts-droid-fallback) for Chinese, Japanese and Korean;
/// Symbola (fonts-symbola) for emoji and symbols. No one font covers every script, so text is drawn in runs, each
/// in the font that has its letters. Only the glyphs used are embedded.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Latin = "DejaVu Sans";
    public const string Cjk = "Droid Sans Fallback";
    public const string Symbols = "Symbola";

    static readonly string[] Directories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/droid",
        "/usr/share/fonts/truetype/ancient-scripts", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"];

    static readonly Dictionary<string, string> Files = new()
    {
        [Latin] = "DejaVuSans.ttf",
        [Latin + " Bold"] = "DejaVuSans-Bold.ttf",
        [Latin + " Oblique"] = "DejaVuSans-Oblique.ttf",
        [Latin + " Bold Oblique"] = "DejaVuSans-BoldOblique.ttf",
        [Cjk] = "DroidSansFallbackFull.ttf",
        [Symbols] = "Symbola_hint.ttf",
    };

    static readonly Lock Gate = new();
    static bool registered;

    /// <summary>PDFsharp's resolver is process-wide; set it once.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            GlobalFontSettings.FontResolver = new PdfFonts();
            registered = true;
        }
    }

    /// <summary>The families whose files are missing on this machine; their runs fall back to DejaVu Sans.</summary>
    public static IReadOnlyList<string> Missing { get; } = Files.Where(f => Find(f.Value) is null).Select(f => f.Key).ToList();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (familyName == Latin)
        {
            // The letter's emphasis in DejaVu's own oblique faces (fonts-dejavu-core), slanted by PDFsharp without them.
            var styled = Latin + (bold ? " Bold" : "") + (italic ? " Oblique" : "");
            return Missing.Contains(styled) ? new FontResolverInfo(bold ? Latin + " Bold" : Latin, false, italic) : new FontResolverInfo(styled);
        }
        var face = Missing.Contains(familyName) ? Latin : familyName;
        return Files.ContainsKey(face) ? new FontResolverInfo(face, bold && face != Latin, italic) : null;
    }

    public byte[]? GetFont(string faceName) =>
        Files.TryGetValue(faceName, out var file) && Find(file) is { } path ? File.ReadAllBytes(path) : null;

    static string? Find(string file) =>
        Directories.Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);

    /// <summary>The family that has this character's glyph.</summary>
    public static string For(Rune rune)
    {
        var c = rune.Value;
        if (c is >= 0x1100 and <= 0x11FF or >= 0x2E80 and <= 0x33FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF
            or >= 0xA960 and <= 0xA97F or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x2FFFF)
            return Cjk;
        if (c is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF)
            return Symbols;
        return Latin;
    }
}
