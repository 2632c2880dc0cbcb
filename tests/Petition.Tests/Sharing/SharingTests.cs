using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Tests.Infrastructure;
using Petition.Web.Languages;
using Petition.Web.Sharing;

namespace Petition.Tests.Sharing;

public class SharingTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task The_letter_page_tells_link_previews_its_title_first_paragraph_count_and_image()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("meta"), l =>
        {
            l.Title = "Release the detained doctors";
            l.Body = "## Heading first\n\nExcellencies,\n\nWe, the *undersigned* doctors and nurses, ask you\nto act <b>now</b>.\n\nA second paragraph.";
        });
        var page = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}");
        string? Meta(string key) => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        var url = $"http://petition.test/letters/{letter.Slug}";
        Assert.Equal(url, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("Release the detained doctors", Meta("og:title"));
        Assert.Equal("0 signatures so far. We, the undersigned doctors and nurses, ask you to act now.", Meta("og:description"));
        Assert.Equal(url, Meta("og:url"));
        Assert.Equal($"{url}/share.png", Meta("og:image"));
        Assert.Equal("1200", Meta("og:image:width"));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal(Meta("og:description"), Meta("twitter:description"));
        Assert.Equal($"{url}/share.png", Meta("twitter:image"));
    }

    [Fact]
    public async Task The_description_carries_the_live_count()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("metacount"));
        var email = $"{Signer.Unique("meta")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Ada Meta", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        // A confirmation drops the cached count and page, so the next visitor's preview says so at once.
        var page = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.StartsWith("1 signature so far.", page.QuerySelector("meta[property='og:description']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Share_links_are_plain_links_and_no_script_comes_from_another_host()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("links"), l => l.Title = "Free them & now");
        var page = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}");
        var links = page.QuerySelectorAll(".share-links a").ToDictionary(a => a.TextContent.Trim(), a => a);
        var encoded = Uri.EscapeDataString($"http://petition.test/letters/{letter.Slug}");

        Assert.Equal(["Email", "X (Twitter)", "Facebook", "LinkedIn", "WhatsApp", "Telegram", "Bluesky"], links.Keys);
        Assert.StartsWith("mailto:?subject=Free%20them%20%26%20now&body=", links["Email"].GetAttribute("href"));
        Assert.Equal($"https://www.facebook.com/sharer/sharer.php?u={encoded}", links["Facebook"].GetAttribute("href"));
        Assert.Contains($"url={encoded}", links["X (Twitter)"].GetAttribute("href"));
        Assert.StartsWith("https://bsky.app/intent/compose?text=", links["Bluesky"].GetAttribute("href"));
        Assert.All(links.Values.Skip(1), a => Assert.Equal("noopener noreferrer", a.GetAttribute("rel")));
        Assert.Equal($"http://petition.test/letters/{letter.Slug}", page.QuerySelector("#share-url")?.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("script:not([src^='/js/']), iframe")); // the site's own scripts only
        Assert.Equal($"<iframe src=\"http://petition.test/letters/{letter.Slug}/embed\" title=\"Free them &amp; now\" width=\"400\" height=\"300\"></iframe>",
            page.QuerySelector("#share-embed-code")?.TextContent);
    }

    [Fact]
    public async Task The_share_image_is_a_1200_by_630_png_drawn_once_per_count_bucket()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("image"));
        var first = await app.Client().GetAsync($"/letters/{letter.Slug}/share.png");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        var png = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        // IHDR: width and height, big-endian, right after the chunk's length and type.
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(630, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 10_000, $"a card with text, not a blank ({png.Length} bytes)");

        var second = await app.Client().GetAsync($"/letters/{letter.Slug}/share.png");
        var images = (ShareImages)app.Services.GetService(typeof(ShareImages))!;
        var stored = await app.Db(db => db.Letters.SingleAsync(l => l.Id == letter.Id));
        Assert.Same(images.For(stored, stored.Title, 120, "Petition"), images.For(stored, stored.Title, 125, "Petition"));
        Assert.NotSame(images.For(stored, stored.Title, 0, "Petition"), images.For(stored, stored.Title, 500, "Petition"));
        // The same title with the count in another language is another card.
        byte[] In(string language) { using var _ = SiteLanguages.Use(language); return images.For(stored, stored.Title, 500, "Petition"); }
        Assert.NotSame(In("en"), In("es"));
        Assert.Same(In("es"), In("es"));
        Assert.Equal(png, await second.Content.ReadAsByteArrayAsync());
        Assert.Contains("max-age", second.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/letters/no-such-letter/share.png")).StatusCode);
    }

    [Theory]
    [InlineData(0, 0, "en", "0 signatures")]
    [InlineData(1, 1, "en", "1 signature")]
    [InlineData(99, 99, "en", "99 signatures")]
    [InlineData(123, 120, "en", "120+ signatures")]
    [InlineData(12_345, 12_000, "en", "12,000+ signatures")]
    [InlineData(12_345, 12_000, "fr", "12\u202F000+ signatures")]
    [InlineData(1, 1, "es", "1 firma")]
    [InlineData(12_345, 12_000, "zh-Hans", "12,000+ 个签名")]
    public void The_count_on_the_card_is_rounded_so_a_viral_letter_is_not_redrawn_per_signature(int published, int bucket, string language, string text)
    {
        using var _ = SiteLanguages.Use(language);
        Assert.Equal(bucket, ShareImages.CountBucket(published).Bucket);
        Assert.Equal(text, app.Services.GetRequiredService<ShareImages>().CountText(published));
    }

    [Fact]
    public async Task The_embed_may_be_framed_by_the_letters_partners_only_and_other_pages_by_no_one()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("embed"), l =>
            l.EmbedHosts = ["https://partner.example", "http://localhost:8080", "https://evil.example; script-src *"]);
        var embed = await app.Client().GetAsync($"/letters/{letter.Slug}/embed");
        var csp = string.Join(";", embed.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://partner.example http://localhost:8080", csp);
        Assert.DoesNotContain("evil", csp);
        Assert.DoesNotContain("'none'\"", csp);
        Assert.Contains("script-src 'self'", csp);

        var cached = await app.Client().GetAsync($"/letters/{letter.Slug}/embed");
        Assert.True(cached.Headers.Age.HasValue, "the embed is served from the output cache");
        Assert.Equal(csp, string.Join(";", cached.Headers.GetValues("Content-Security-Policy")));

        var document = await embed.ReadDocumentAsync();
        var button = document.QuerySelector("a.button")!;
        Assert.Equal($"http://petition.test/letters/{letter.Slug}", button.GetAttribute("href"));
        Assert.Equal("_blank", button.GetAttribute("target"));
        Assert.Equal("noopener", button.GetAttribute("rel"));

        var other = await app.AddLetterAsync(Signer.Unique("noembed"));
        var unlisted = await app.Client().GetAsync($"/letters/{other.Slug}/embed");
        Assert.Contains("frame-ancestors 'self'", unlisted.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("partner.example", unlisted.Headers.GetValues("Content-Security-Policy").Single());
        var page = await app.Client().GetAsync($"/letters/{letter.Slug}");
        Assert.EndsWith("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_partner_site_may_read_the_count_from_its_own_pages_and_nothing_else_is_opened()
    {
        var client = app.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/letters/upr-accountability/count");
        request.Headers.Add("Origin", "https://partner.example");
        var count = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Equal("*", count.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(count.Headers.Contains("Access-Control-Allow-Credentials"));

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/letters/upr-accountability/count");
        again.Headers.Add("Origin", "https://other.example");
        Assert.Equal("*", (await client.SendAsync(again)).Headers.GetValues("Access-Control-Allow-Origin").Single());

        var letterRequest = new HttpRequestMessage(HttpMethod.Get, "/api/letters/upr-accountability");
        letterRequest.Headers.Add("Origin", "https://partner.example");
        Assert.False((await client.SendAsync(letterRequest)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://partner.example", "https://partner.example")]
    [InlineData("https://Partner.Example/", "https://partner.example")]
    [InlineData("http://localhost:8080", "http://localhost:8080")]
    [InlineData("https://partner.example/page", null)]
    [InlineData("ftp://partner.example", null)]
    [InlineData("partner.example", null)]
    [InlineData("https://*.example", null)]
    [InlineData("https://a.example; script-src *", null)]
    public void Only_well_formed_origins_are_accepted_as_embed_hosts(string value, string? origin) =>
        Assert.Equal(origin, EmbedOrigins.TryNormalize(value, out var normalized) ? normalized : null);
}
