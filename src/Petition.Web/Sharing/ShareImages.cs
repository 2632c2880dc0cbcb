using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data.Letters;

namespace Petition.Web.Sharing;

/// <summary>
/// Share images, drawn once per letter text and count bucket and then kept in memory: when a letter goes viral,
/// every network's crawler asks for the card, and the count changes too often for an exact one to be reused.
/// </summary>
public sealed class ShareImages(ShareImage drawer) : IDisposable
{
    readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 64 * 1024 * 1024 });

    /// <param name="title">The title in the language asked for (a translation, or the original).</param>
    public byte[] For(Letter letter, string title, int published, string siteName)
    {
        var (bucket, text) = CountBucket(published);
        var key = (letter.Id, letter.Version, title, bucket);
        return cache.GetOrCreate(key, entry =>
        {
            var png = drawer.Draw(title, text, siteName);
            entry.Size = png.Length;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return png;
        })!;
    }

    /// <summary>
    /// Exact up to 100, then rounded down to two significant digits ("12,000+ signatures"): a card shows the order
    /// of magnitude, the page shows the live count.
    /// </summary>
    public static (int Bucket, string Text) CountBucket(int published)
    {
        if (published < 100)
            return (published, published == 1 ? "1 signature" : $"{published} signatures");
        var step = (int)Math.Pow(10, Math.Floor(Math.Log10(published)) - 1);
        var bucket = published / step * step;
        return (bucket, bucket.ToString("N0", CultureInfo.InvariantCulture) + "+ signatures");
    }

    public void Dispose() => cache.Dispose();
}
