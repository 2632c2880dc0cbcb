using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Petition.Data.Letters;
using Petition.Web.Languages;

namespace Petition.Web.Sharing;

/// <summary>
/// Share images, drawn once per letter text, language and count bucket and then kept in memory: when a letter goes
/// viral, every network's crawler asks for the card, and the count changes too often for an exact one to be reused.
/// </summary>
public sealed class ShareImages(ShareImage drawer, IStringLocalizer<SiteText> text) : IDisposable
{
    readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 64 * 1024 * 1024 });

    /// <param name="title">The title in the language asked for (a translation, or the original).</param>
    public byte[] For(Letter letter, string title, int published, string siteName)
    {
        var (bucket, _) = CountBucket(published);
        // The same title is drawn with the count in each reader's language.
        var key = (letter.Id, letter.Version, title, bucket, CultureInfo.CurrentUICulture.Name);
        return cache.GetOrCreate(key, entry =>
        {
            var png = drawer.Draw(title, CountText(published), siteName);
            entry.Size = png.Length;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return png;
        })!;
    }

    /// <summary>
    /// Exact up to 100, then rounded down to two significant digits: a card shows the order of magnitude, the page
    /// shows the live count.
    /// </summary>
    public static (int Bucket, bool Rounded) CountBucket(int published)
    {
        if (published < 100)
            return (published, false);
        var step = (int)Math.Pow(10, Math.Floor(Math.Log10(published)) - 1);
        return (published / step * step, true);
    }

    /// <summary>The card's count line in the current language: "1 signature", "99 signatures", "12,000+ signatures".</summary>
    public string CountText(int published)
    {
        var (bucket, rounded) = CountBucket(published);
        var number = bucket.ToString("N0");
        return rounded ? text.Plural("{0}+ signatures", bucket, number) : bucket == 1 ? text["{0} signature", number] : text.Plural("{0} signatures", bucket, number);
    }

    public void Dispose() => cache.Dispose();
}
