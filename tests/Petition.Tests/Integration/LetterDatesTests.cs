using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>A reader learns from the home page and the letter page whether a letter is open, and until when.</summary>
public class LetterDatesTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task The_home_page_calls_a_letter_past_its_closing_date_closed_and_lists_open_letters_first()
    {
        var now = app.Clock.GetUtcNow();
        var past = await app.AddLetterAsync(Signer.Unique("past"), l => l.ClosesAt = now.AddDays(-2));
        var open = await app.AddLetterAsync(Signer.Unique("until"), l => l.ClosesAt = now.AddDays(13));
        var future = await app.AddLetterAsync(Signer.Unique("soon"), l => l.OpensAt = now.AddDays(1));

        var home = await app.Client().GetDocumentAsync("/");
        var items = home.QuerySelectorAll("ul.letter-list li").ToList();
        var pastItem = items.FindIndex(li => li.QuerySelector($"a[href='/letters/{past.Slug}']") is not null);
        var openItem = items.FindIndex(li => li.QuerySelector($"a[href='/letters/{open.Slug}']") is not null);
        Assert.Equal("closed on 25 November 2026", items[pastItem].QuerySelector(".muted")!.TextContent.Trim());
        Assert.Equal("open until 10 December 2026", items[openItem].QuerySelector(".muted")!.TextContent.Trim());
        Assert.True(openItem < pastItem, "an open letter is listed after a closed one");
        // A letter whose opening has not come is not public: not listed, so never called closed.
        Assert.Null(home.QuerySelector($"a[href='/letters/{future.Slug}']"));
    }

    [Fact]
    public async Task An_open_letter_says_until_when_beside_its_count_in_the_readers_language()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("dated"), l => l.ClosesAt = app.Clock.GetUtcNow().AddDays(13));

        var english = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("Open for signatures until 10 December 2026.", english.QuerySelector(".tally + .call-to-sign .letter-dates")!.TextContent);
        Assert.Equal("2026-12-10", english.QuerySelector(".letter-dates time")!.GetAttribute("datetime"));
        var french = await app.Visitor("fr-FR").GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("Ouverte aux signatures jusqu'au 10 décembre 2026.", french.QuerySelector(".letter-dates")!.TextContent);
        var chinese = await app.Visitor("zh-CN").GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("开放签名至 2026年12月10日。", chinese.QuerySelector(".letter-dates")!.TextContent);
    }

    [Fact]
    public async Task A_letter_past_its_closing_date_says_when_it_closed_and_shows_no_form()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("ended"), l => l.ClosesAt = app.Clock.GetUtcNow().AddDays(-2));

        var page = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("This letter closed on 25 November 2026 and takes no more signatures.", page.QuerySelector(".letter-dates")!.TextContent);
        Assert.Null(page.QuerySelector("form[method=post]"));
        Assert.Null(page.QuerySelector("a[href='#sign']"));
    }

    [Fact]
    public async Task The_sign_link_beside_the_count_leads_to_the_form_on_the_same_page()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("jump"));
        var page = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}");
        var link = page.QuerySelector(".tally + .call-to-sign a[href^='#']")!;
        Assert.Equal("Sign this letter", link.TextContent);
        var target = page.GetElementById(link.GetAttribute("href")![1..])!;
        Assert.NotNull(target.QuerySelector("form[method=post] button[type=submit]"));
    }
}
