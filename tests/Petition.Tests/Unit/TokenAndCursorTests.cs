using Petition.Web.Signatories;
using Petition.Web.Signing;

namespace Petition.Tests.Unit;

public class VerificationTokenTests
{
    [Fact]
    public void Tokens_are_256_bit_random_and_stored_only_as_a_hash()
    {
        var a = VerificationToken.Create();
        var b = VerificationToken.Create();
        Assert.NotEqual(a.Value, b.Value);
        Assert.Equal(43, a.Value.Length); // 32 bytes in unpadded base64url
        Assert.True(VerificationToken.LooksValid(a.Value));
        Assert.Equal(a.Hash, VerificationToken.HashOf(a.Value));
        Assert.Equal(32, a.Hash.Length);
        Assert.DoesNotContain(a.Value, Convert.ToBase64String(a.Hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("0123456789012345678901234567890123456789/+=")]
    public void Malformed_tokens_are_rejected_before_any_lookup(string? token) =>
        Assert.False(VerificationToken.LooksValid(token));
}

public class SignatoryCursorTests
{
    [Fact]
    public void A_cursor_round_trips()
    {
        var cursor = new SignatoryCursor(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), 42);
        Assert.True(SignatoryCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("MTIzNDU")]
    [InlineData("LTEuLTE")]
    [InlineData("")]
    public void A_forged_cursor_is_ignored_not_an_error(string value) =>
        Assert.False(SignatoryCursor.TryParse(value, out _));
}
