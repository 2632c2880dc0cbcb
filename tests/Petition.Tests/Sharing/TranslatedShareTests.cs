using System.Net;
using Petition.Data.Letters;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Sharing;

/// <summary>Link previews of a translated letter: its title, and a card drawn with glyphs that exist.</summary>
public class TranslatedShareTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<Letter> ChineseLetterAsync(string title) => await app.AddLetterAsync(Signer.Unique("zh"), l =>
        l.Translations.Add(new LetterTranslation { Language = "zh-Hans", Title = title, Body = "各位阁下：\n\n请提出问题。" }));

    [Fact]
    public async Task A_Chinese_reader_shares_the_Chinese_title_and_a_card_drawn_in_Chinese()
    {
        var letter = await ChineseLetterAsync("在普遍定期审议中提出尖锐问题");
        var page = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}?culture=zh-Hans");
        Assert.Equal("在普遍定期审议中提出尖锐问题", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        var image = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Equal($"http://petition.test/letters/{letter.Slug}/share.png?culture=zh-Hans", image);

        // Two titles of the same length draw the same picture if every character is a missing-glyph box
        // (DejaVu has no Chinese): different pictures show the CJK face (fonts-noto-cjk) drew real characters.
        var other = await ChineseLetterAsync("请各国代表团在会议上提出问题");
        var first = await app.Client().GetAsync(new Uri(image).PathAndQuery);
        var second = await app.Client().GetAsync($"/letters/{other.Slug}/share.png?culture=zh-Hans");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.True(File.Exists("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"), "scripts/test.sh installs fonts-noto-cjk");
    }

    [Fact]
    public async Task A_Spanish_reader_of_an_English_letter_previews_and_mails_it_in_Spanish()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("esshare"), l => l.Translations.Clear());
        var page = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}?culture=es");

        Assert.StartsWith("0 firmas hasta ahora. ", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.Equal(page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"), page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var image = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Equal($"http://petition.test/letters/{letter.Slug}/share.png?culture=es", image);
        var mail = page.QuerySelector(".share-links a[href^='mailto:']")!.GetAttribute("href")!;
        Assert.Contains(Uri.EscapeDataString($"Lee y firma: http://petition.test/letters/{letter.Slug}"), mail);

        // The English title on both, the count line ("0 firmas", "0 signatures") in each reader's language.
        var spanish = await app.Client().GetByteArrayAsync(new Uri(image).PathAndQuery);
        var english = await app.Client().GetByteArrayAsync($"/letters/{letter.Slug}/share.png");
        Assert.NotEqual(english, spanish);
    }
}
