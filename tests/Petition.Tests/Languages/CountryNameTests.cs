using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Petition.Tests.Infrastructure;
using Petition.Web.Languages;
using Petition.Web.Letters;

namespace Petition.Tests.Languages;

/// <summary>Countries named in the visitor's language and sorted as it sorts; exports and the API keep English.</summary>
public class CountryNameTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    HttpClient Visitor(string acceptLanguage) => app.Visitor(acceptLanguage);

    static List<(string Code, string Name)> Options(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelectorAll($"{selector} option").Where(o => o.GetAttribute("value") is { Length: > 0 })
            .Select(o => (o.GetAttribute("value")!, o.TextContent)).ToList();

    [Theory]
    [InlineData("fr-FR", "fr", "Allemagne")]
    [InlineData("zh-CN", "zh-Hans", "德国")]
    [InlineData("es", "es", "Alemania")]
    [InlineData("ru-RU", "ru", "Германия")]
    [InlineData("ar-EG", "ar", "ألمانيا")]
    [InlineData("en", "en", "Germany")]
    public async Task The_sign_form_lists_countries_in_the_visitors_language_in_its_order(string browser, string culture, string germany)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("cty"));
        var page = await Visitor(browser).GetDocumentAsync($"/letters/{letter.Slug}");
        var options = Options(page, "#Input_Country");

        Assert.Equal(Countries.Codes.Order(), options.Select(o => o.Code).Order());
        Assert.Contains(("DE", germany), options);
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(culture), ignoreCase: true);
        Assert.Equal(options.Select(o => o.Name).Order(comparer), options.Select(o => o.Name));
    }

    [Fact]
    public async Task A_French_signer_is_confirmed_in_French_and_listed_in_French_while_the_files_keep_English()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("ctyfr"));
        var email = $"{Signer.Unique("anna")}@example.org";
        var french = Visitor("fr");
        Assert.Equal(HttpStatusCode.Accepted, (await french.SignByApiAsync(letter.Slug, Signer.ApiBody("Anna Weber", email, country: "DE"))).StatusCode);

        var mail = await app.Smtp.WaitForAsync(email);
        Assert.Contains("Pays: Allemagne", mail.TextBody!.Replace(" :", ":"));
        var path = await app.ConfirmationPathAsync(email);
        var confirm = await french.GetDocumentAsync(path);
        Assert.Contains("Allemagne", confirm.QuerySelector("dl.details")!.TextContent);
        await app.Client().ConfirmAsync(path); // the confirmation form's antiforgery token needs a client that keeps cookies

        var list = await french.SignatoriesPageAsync(letter.Slug, "?country=DE");
        Assert.Equal("Allemagne", list.QuerySelector("table.signatories tbody td:nth-child(4)")!.TextContent);
        Assert.Contains(("DE", "Allemagne"), Options(list, "#country"));
        Assert.Equal("DE", list.QuerySelector("#country option[selected]")!.GetAttribute("value"));
        var show = await french.GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("(Allemagne)", show.QuerySelector(".latest .signatory-country")!.TextContent.Trim());

        // Recipients and programs read these in one language, whatever the visitor's.
        var api = await french.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        Assert.Equal("Germany", api.GetProperty("items")[0].GetProperty("countryName").GetString());
        var csv = await french.GetStringAsync($"/api/letters/{letter.Slug}/signatures.csv");
        Assert.Contains("Germany", csv);
        Assert.DoesNotContain("Allemagne", csv);
    }

    [Fact]
    public async Task The_manage_page_names_the_country_in_the_signers_language()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("ctyzh"));
        var email = $"{Signer.Unique("li")}@example.org";
        var chinese = Visitor("zh-CN");
        await chinese.SignByApiAsync(letter.Slug, Signer.ApiBody("李华", email, country: "DE"));
        var mail = await app.Smtp.WaitForAsync(email);
        Assert.Contains("德国", mail.TextBody);
        var manage = Signer.ManagePathIn(mail);

        var page = await chinese.GetDocumentAsync(manage);
        Assert.Equal("德国", page.QuerySelector("#Input_Country option[selected]")!.TextContent);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ru")]
    [InlineData("zh-Hans")]
    [InlineData("ar")]
    public void Every_language_names_every_country_from_its_cldr_file(string language)
    {
        using var _ = SiteLanguages.Use(language);
        var names = Countries.Codes.ToDictionary(c => c, Countries.Name);
        using (SiteLanguages.Use("en"))
            Assert.True(Countries.Codes.Count(c => names[c] != Countries.EnglishName(c)) > 150, $"{language} names mostly differ from English");
        Assert.Equal(Countries.Codes.Count, names.Values.Distinct().Count());
        Assert.Equal(names.Values.Order(StringComparer.Create(CultureInfo.GetCultureInfo(language), true)), Countries.All().Select(c => c.Name));
    }
}
