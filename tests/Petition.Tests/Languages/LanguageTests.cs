using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Languages;

/// <summary>The interface in the visitor's language, from their browser, the URL or the switcher's cookie.</summary>
public class LanguageTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    const string FrenchTitle = "Posez les questions difficiles lors de l'Examen périodique universel";
    const string EnglishTitle = "Ask the hard questions at the Universal Periodic Review";

    HttpClient Visitor(string? acceptLanguage = null) => app.Visitor(acceptLanguage);

    [Fact]
    public async Task A_French_browser_reads_the_translated_letter_and_a_French_form()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("fr"));
        var response = await Visitor("fr-FR,fr;q=0.9,en;q=0.5").GetAsync($"/letters/{letter.Slug}");
        var page = await response.ReadDocumentAsync();

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(FrenchTitle, page.QuerySelector("h1")!.TextContent);
        Assert.Equal("fr", page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("Excellences,", page.QuerySelector(".letter-body")!.TextContent);
        Assert.Equal("Nom complet", page.QuerySelector("label[for=Input_Name]")!.TextContent.Trim());
        Assert.Equal("Signer la lettre", page.QuerySelector("form button[type=submit]")!.TextContent.Trim());
        Assert.Contains("privacy", page.QuerySelector("label[for=Input_AcceptPrivacy] a")!.GetAttribute("href"));
        Assert.Equal("politique de confidentialité", page.QuerySelector("label[for=Input_AcceptPrivacy] a")!.TextContent);
        // The other language the letter is written in is one link away.
        Assert.Equal($"/letters/{letter.Slug}?culture=en", page.QuerySelector(".letter-languages a[hreflang=en]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_a_translation_the_original_is_shown_marked_with_its_language_Arabic_is_right_to_left_and_Russian_is_offered()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("ar"));

        var spanish = await Visitor().GetDocumentAsync($"/letters/{letter.Slug}?culture=es");
        Assert.Equal("es", spanish.DocumentElement.GetAttribute("lang"));
        Assert.Equal(EnglishTitle, spanish.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", spanish.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("Nombre completo", spanish.QuerySelector("label[for=Input_Name]")!.TextContent.Trim());

        var chinese = await Visitor("zh-CN,zh;q=0.9").GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("zh-Hans", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("姓名", chinese.QuerySelector("label[for=Input_Name]")!.TextContent.Trim());

        var arabic = await Visitor().GetDocumentAsync($"/letters/{letter.Slug}?culture=ar");
        Assert.Equal("ar", arabic.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        Assert.Equal("الاسم الكامل", arabic.QuerySelector("label[for=Input_Name]")!.TextContent.Trim());
        Assert.Contains("سنرسل إليك عبر البريد الإلكتروني رابطًا لتأكيد توقيعك.", arabic.QuerySelector(".sign")!.TextContent);
        // Digits are 0–9, so the separators are those Arabic writes with them (not "1٬000").
        Assert.Equal("الهدف: 1,000 توقيع", arabic.QuerySelector(".tally .muted")!.TextContent);

        var russian = await Visitor("ru-RU,ru;q=0.9").GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("ru", russian.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", russian.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Полное имя", russian.QuerySelector("label[for=Input_Name]")!.TextContent.Trim());
        Assert.Equal("Подписать письмо", russian.QuerySelector("form button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_cached_letter_page_keeps_one_copy_per_language()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("cachefr"));
        var url = $"/letters/{letter.Slug}";
        var french = await Visitor("fr").GetAsync(url);
        var english = await Visitor().GetAsync(url);
        var frenchAgain = await Visitor("fr").GetAsync(url);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        var chinese = await Visitor().SendAsync(request);

        Assert.Equal(FrenchTitle, (await french.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(EnglishTitle, (await english.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal("Sign the letter", (await english.ReadDocumentAsync()).QuerySelector("form button[type=submit]")!.TextContent.Trim());
        Assert.True(frenchAgain.Headers.Age.HasValue, "the second French visitor should get the cached French copy");
        Assert.Equal(FrenchTitle, (await frenchAgain.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal("签署公开信", (await chinese.ReadDocumentAsync()).QuerySelector("form button[type=submit]")!.TextContent.Trim());
        Assert.False(chinese.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_switcher_remembers_the_language_and_goes_back_only_to_this_site()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("switch"));
        // A page that is not shared by everyone keeps its query: the list's search is still there in French.
        var page = await Visitor().GetDocumentAsync($"/letters/{letter.Slug}/signatories?q=1");
        var link = page.QuerySelector("nav.languages a[hreflang=fr]")!.GetAttribute("href")!;
        Assert.Equal($"/language/fr?returnUrl={Uri.EscapeDataString($"/letters/{letter.Slug}/signatories?q=1")}", link);

        var switched = await Visitor().GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal($"/letters/{letter.Slug}/signatories?q=1", switched.Headers.Location!.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/letters/{letter.Slug}");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(FrenchTitle, (await (await Visitor("en").SendAsync(request)).ReadDocumentAsync()).QuerySelector("h1")!.TextContent);

        foreach (var hostile in new[] { "//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "" })
        {
            var response = await Visitor().GetAsync($"/language/es?returnUrl={Uri.EscapeDataString(hostile)}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_mistake_on_the_French_form_is_explained_in_French()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("frerr"));
        var values = Signer.FormValues("Camille Martin", "camille-at-example.org");
        var response = await Visitor("fr").SignByFormAsync(letter.Slug, values);
        var page = await response.ReadDocumentAsync();

        Assert.Equal("Il y a un problème", page.QuerySelector(".error-summary h2")!.TextContent);
        Assert.Contains("Indiquez une adresse électronique du type nom@example.org.", page.QuerySelector("#Input_Email_error")!.TextContent);
        Assert.Equal("Indiquez une adresse électronique du type nom@example.org.", page.QuerySelector(".error-summary a[href='#Input_Email']")!.TextContent);
    }

    [Fact]
    public async Task A_signature_made_in_French_is_confirmed_in_French_and_counts_once_with_the_English_ones()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("onecount"));
        var french = $"{Signer.Unique("camille")}@example.org";
        var english = $"{Signer.Unique("grace")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await Visitor("fr-FR").SignByApiAsync(letter.Slug, Signer.ApiBody("Camille Martin", french))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Visitor().SignByApiAsync(letter.Slug, Signer.ApiBody("Grace Hopper", english))).StatusCode);

        var frenchMail = await app.Smtp.WaitForAsync(french);
        Assert.Equal($"Confirmez votre signature : {FrenchTitle}", frenchMail.Subject);
        Assert.StartsWith("Bonjour Camille Martin,", frenchMail.TextBody);
        Assert.Contains("Pour signer, ouvrez ce lien", frenchMail.TextBody);
        Assert.Contains("Pays: Nigeria", frenchMail.TextBody!.Replace(" :", ":"));
        var englishMail = await app.Smtp.WaitForAsync(english);
        Assert.Equal($"Confirm your signature: {EnglishTitle}", englishMail.Subject);

        var confirmer = app.Client();
        await confirmer.ConfirmAsync(await app.ConfirmationPathAsync(french));
        await confirmer.ConfirmAsync(await app.ConfirmationPathAsync(english));

        Assert.Equal("fr", await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(french)).Select(s => s.Language).SingleAsync()));
        var count = await Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/count");
        Assert.Equal(2, count.GetProperty("signatureCount").GetInt32());
        foreach (var language in new[] { "fr", "en", "zh-Hans" })
        {
            var page = await Visitor(language).GetDocumentAsync($"/letters/{letter.Slug}");
            Assert.Equal("2", page.QuerySelector(".tally .count strong")!.TextContent);
        }
        var list = await Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_console_speaks_English_whatever_the_visitor_chose()
    {
        var page = await Visitor("fr-FR").GetDocumentAsync("/account/login?culture=zh-Hans");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Skip to content", page.QuerySelector(".skip-link")!.TextContent);
    }
}
