using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Petition.Web.Languages;

namespace Petition.Tests.Languages;

/// <summary>A count reads as its language counts: "21 подпись" but "22 подписи", "3 توقيعات" but "11 توقيعًا".</summary>
public class PluralTests
{
    static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SiteText));

    [Theory]
    [InlineData("en", 5, "5 signatures")]
    [InlineData("fr", 5, "5 signatures")]
    [InlineData("ru", 2, "2 подписи")]
    [InlineData("ru", 5, "5 подписей")]
    [InlineData("ru", 11, "11 подписей")]
    [InlineData("ru", 21, "21 подпись")]
    [InlineData("ru", 112, "112 подписей")]
    [InlineData("ru", 524, "524 подписи")]
    [InlineData("ar", 0, "0 توقيع")]
    [InlineData("ar", 2, "توقيعان")]
    [InlineData("ar", 3, "3 توقيعات")]
    [InlineData("ar", 11, "11 توقيعًا")]
    [InlineData("ar", 100, "100 توقيع")]
    [InlineData("ar", 103, "103 توقيعات")]
    public void A_count_takes_the_form_its_language_calls_for(string language, int count, string expected)
    {
        using var _ = SiteLanguages.Use(language);
        Assert.Equal(expected, Text.Plural("{0} signatures", count, count));
    }

    [Fact]
    public void The_privacy_notice_counts_days_in_Arabic_with_the_dual_and_the_plural()
    {
        using var _ = SiteLanguages.Use("ar");
        Assert.Equal(["يومين", "7 أيام", "30 يومًا"], new[] { 2, 7, 30 }.Select(n => Text.Plural("{0} days", n, n)));
    }
}
