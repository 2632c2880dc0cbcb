using SkiaSharp;

namespace Petition.Web.Sharing;

/// <summary>
/// One line of the share card as the canvas is handed it: already shaped and in visual order (Skia's plain text
/// drawing does neither), and held to the right margin when it reads right to left.
/// </summary>
public sealed record CardText(string Text, SKTypeface Typeface, float Size, float Y, SKColor Color, bool RightToLeft)
{
    public float X => RightToLeft ? ShareImage.Width - ShareImage.Margin : ShareImage.Margin;
    public SKTextAlign Align => RightToLeft ? SKTextAlign.Right : SKTextAlign.Left;
}
