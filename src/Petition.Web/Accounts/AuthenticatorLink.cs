using System.Text;
using QRCoder;

namespace Petition.Web.Accounts;

/// <summary>The otpauth:// link an authenticator app reads, and its QR code drawn here as SVG (nothing loaded from elsewhere).</summary>
public static class AuthenticatorLink
{
    public static string For(string issuer, string account, string sharedKey) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={sharedKey}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    public static string QrSvg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>The key in groups of four, easier to type by hand.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
