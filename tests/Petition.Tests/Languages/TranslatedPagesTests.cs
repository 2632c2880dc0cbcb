using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Petition.Tests.Infrastructure;
using Petition.Web.Languages;
using Petition.Web.Letters;

namespace Petition.Tests.Languages;

/// <summary>
/// Issue 17: a visitor who reads the site in one of its languages meets no sentence of the site's own in English,
/// on any public page or in the emails a signer receives. The letter's own words are the organisers', not the site's:
/// they are left out wherever they are marked with another language.
/// </summary>
public partial class TranslatedPagesTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Theory]
    [MemberData(nameof(ResourceTests.Translated), MemberType = typeof(ResourceTests))]
    public async Task Every_public_page_and_email_is_in_the_chosen_language_without_an_English_sentence_of_the_site(string language)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("every"), l => l.Goal = 1000);
        // Answers recorded, one public, so the letter page has its responses section.
        await app.Db(db =>
        {
            db.Recipients.AddRange(
                new Petition.Data.Recipients.Recipient { LetterId = letter.Id, Name = "Permanent Mission of Ghana", Emails = ["gh@missions.example"],
                    AnswerStatus = Petition.Data.Recipients.AnswerStatus.Replied, AnsweredOn = new DateOnly(2026, 11, 20), AnswerText = "We thank the signatories.", AnswerPublic = true },
                new Petition.Data.Recipients.Recipient { LetterId = letter.Id, Name = "Permanent Mission of Chile", Emails = ["cl@missions.example"],
                    AnswerStatus = Petition.Data.Recipients.AnswerStatus.Declined, AnswerText = "Private.", AnswerPublic = false },
                new Petition.Data.Recipients.Recipient { LetterId = letter.Id, Name = "Permanent Mission of Peru", Emails = ["pe@missions.example"] });
            return db.SaveChangesAsync();
        });
        // A delivery, so the recipient's pack page can be read, and a link that leads nowhere.
        var pack = Petition.Web.Signing.VerificationToken.Create();
        await app.Db(async db =>
        {
            var peru = await db.Recipients.SingleAsync(r => r.LetterId == letter.Id && r.Name == "Permanent Mission of Peru");
            db.Deliveries.Add(new Petition.Data.Recipients.Delivery
            {
                LetterId = letter.Id, RequestId = Guid.NewGuid(), CreatedBy = "organiser", CreatedAt = app.Clock.GetUtcNow(),
                LinksExpireAt = app.Clock.GetUtcNow().AddDays(30), Packs = [new() { RecipientId = peru.Id, TokenHash = pack.Hash }],
            });
            await db.SaveChangesAsync();
        });
        var visitor = app.Visitor(language);
        var culture = $"?culture={Uri.EscapeDataString(language)}";
        var email = $"{Signer.Unique("reader")}@example.org";
        await visitor.SignByApiAsync(letter.Slug, Signer.ApiBody("Amina Diallo", email, country: "DE")); // the browser's language
        var mail = await app.Smtp.WaitForAsync(email);
        var confirm = await app.ConfirmationPathAsync(email);
        var manage = Signer.ManagePathIn(mail);
        var pending = await visitor.GetDocumentAsync(confirm + culture);
        await app.Client().ConfirmAsync(confirm);

        var pages = new Dictionary<string, string>
        {
            ["the confirmation email"] = $"{mail.Subject}\n{mail.TextBody}",
            ["the confirm page"] = VisibleText(pending, language),
        };
        foreach (var path in new[]
        {
            "/", $"/letters/{letter.Slug}", $"/letters/{letter.Slug}/signatories", $"/letters/{letter.Slug}/privacy", "/privacy",
            $"/letters/{letter.Slug}/versions", $"/letters/{letter.Slug}/check-email", $"/letters/{letter.Slug}/embed",
            $"/letters/{letter.Slug}/responses", $"/letters/{letter.Slug}/responses?status=declined",
            $"/packs/{pack.Value}", "/packs/" + new string('A', 43),
            manage, "/no/such/page", app.Services.GetRequiredService<PreviewLinks>().PathFor(letter),
        })
        {
            var response = await visitor.GetAsync(path + (path.Contains('?') ? "&" + culture[1..] : culture));
            if (response.Headers.Location is not null)
                continue; // the home page goes straight to the only open letter
            var page = await response.ReadDocumentAsync();
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(language == "ar" ? "rtl" : "ltr", page.DocumentElement.GetAttribute("dir"));
            pages[path] = VisibleText(page, language);
        }
        var form = await visitor.GetDocumentAsync($"/letters/{letter.Slug}{culture}");
        var mistaken = await visitor.SubmitAsync(form, $"/letters/{letter.Slug}{culture}", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Email"] = "not-an-address", ["Input.Comment"] = new string('x', 1001),
        });
        pages["the sign form with mistakes"] = VisibleText(await mistaken.ReadDocumentAsync(), language);

        var english = pages.SelectMany(p => EnglishSentences.Where(p.Value.Contains).Select(s => $"{p.Key}: \"{s}\"")).ToList();
        Assert.True(english.Count == 0, $"{english.Count} English sentence(s) in {language}:\n" + string.Join("\n", english));
        using (SiteLanguages.Use(language))
            Assert.Contains(Countries.Name("DE"), pages[$"/letters/{letter.Slug}/signatories"]);
    }

    /// <summary>
    /// The site's English sentences: the longest stretch between placeholders of each key that some language
    /// translates, when it is three words or more (a lone "Email" or "PDF" is the same in many languages).
    /// </summary>
    static readonly IReadOnlyList<string> EnglishSentences = ResourceTests.Languages
        .Select(l => Path.Combine(ResourceTests.Web, "Languages", $"SiteText.{l}.resx")).Where(File.Exists)
        .SelectMany(f => XDocument.Load(f).Root!.Elements("data"))
        .Where(d => d.Element("value")!.Value != d.Attribute("name")!.Value)
        .Select(d => Placeholder().Split(d.Attribute("name")!.Value).Select(s => s.Trim()).MaxBy(s => s.Length)!)
        .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>What a reader sees or hears on the page, without what is marked as written in another language.</summary>
    static string VisibleText(IDocument page, string language)
    {
        foreach (var other in page.QuerySelectorAll("body [lang], script, style").ToList())
            if (other.LocalName is "script" or "style" || other.GetAttribute("lang") != language)
                other.Remove();
        var said = page.QuerySelectorAll("*").SelectMany(e => e.Attributes)
            .Where(a => a.Name is "aria-label" or "title" or "alt" or "placeholder" or "content" || a.Name.StartsWith("data-", StringComparison.Ordinal))
            .Select(a => a.Value);
        return Whitespace().Replace(string.Join("\n", [page.Body?.TextContent ?? "", .. said]), " ");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
