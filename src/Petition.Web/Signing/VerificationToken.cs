using System.Security.Cryptography;
using System.Text;

namespace Petition.Web.Signing;

/// <summary>
/// A 256-bit random token, sent to the signer once and stored only as its SHA-256, so a copy of the database
/// cannot confirm or manage anyone's signature.
/// </summary>
public readonly record struct VerificationToken(string Value, byte[] Hash)
{
    public static VerificationToken Create()
    {
        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new VerificationToken(value, HashOf(value));
    }

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>Cheap shape check before a database lookup: 43 base64url characters.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
