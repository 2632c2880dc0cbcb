using Petition.Web.Email;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Tests.Unit;

public class TextRulesTests
{
    [Fact]
    public void Tidy_trims_normalises_and_drops_zero_width_characters()
    {
        Assert.Equal("Zoë", TextRules.Tidy(" Zo\u0065\u0308\u200B "));
        Assert.Null(TextRules.Tidy("  \u200B "));
    }

    [Theory]
    [InlineData("plain", true)]
    [InlineData("emoji 🙂", true)]
    [InlineData("tab\there", false)]
    [InlineData("rlo\u202E", false)]
    public void Clean_text(string value, bool clean) => Assert.Equal(clean, TextRules.IsClean(value));

    [Fact]
    public void Unpaired_surrogates_are_not_clean()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate.
        Assert.False(TextRules.IsClean("lone" + (char)0xDC00));
        Assert.False(TextRules.IsClean((char)0xD800 + "x"));
        Assert.True(TextRules.IsClean("pair \U0001F600"));
    }
}

public class LetterMarkdownTests
{
    readonly LetterMarkdown markdown = new();

    [Fact]
    public void Markdown_becomes_html()
    {
        var html = markdown.ToHtml("**bold** and a [link](https://example.org)\n\n1. one\n2. two");
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    [InlineData("![tracker](https://tracker.example/pixel.gif)")]
    public void Nothing_in_a_letter_runs_or_loads_from_elsewhere(string body)
    {
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(markdown.ToHtml(body));
        Assert.Empty(html.QuerySelectorAll("script, img, iframe, object"));
        var attributes = html.All.SelectMany(e => e.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain(attributes, a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }
}

public class LetterMarkdownMemoryTests
{
    [Fact]
    public void Texts_rendered_again_and_past_the_kept_few_each_get_their_own_html()
    {
        var markdown = new LetterMarkdown();
        var texts = Enumerable.Range(0, 200).Select(i => $"Text **{i}**").ToList();
        // Twice over more texts than are kept: every answer is its own text's, whether kept, dropped or new.
        foreach (var text in texts.Concat(texts).Concat(texts.Take(5)))
            Assert.Equal($"<p>Text <strong>{text[7..^2]}</strong></p>", markdown.ToHtml(text).Trim());
        Assert.DoesNotContain("<script", markdown.ToHtml("<script>alert(1)</script>"));
    }
}

public class CountriesTests
{
    [Fact]
    public void Every_iso_3166_code_is_offered_with_a_name()
    {
        Assert.Equal(249, Countries.Codes.Count);
        Assert.All(Countries.Codes, code => Assert.NotEqual(code, Countries.Name(code)));
    }
}

public class BackoffTests
{
    [Fact]
    public void Retries_space_out_and_stop_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), OutboxDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(10), OutboxDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(40), OutboxDispatcher.Backoff(4));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(30));
    }
}
