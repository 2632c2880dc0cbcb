using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Languages;

/// <summary>Words of the public pages that used to be English whatever the visitor's language.</summary>
public class PublicWordsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task A_signed_in_organiser_reads_the_menu_of_a_public_page_in_its_language_and_the_console_in_English()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("menu"));

        var french = await client.GetDocumentAsync($"/letters/{letter.Slug}?culture=fr");
        Assert.Equal("Console", french.QuerySelector(".staff-menu a")!.TextContent);
        Assert.Equal("Se déconnecter", french.QuerySelector(".staff-menu button")!.TextContent);
        var chinese = await client.GetDocumentAsync($"/letters/{letter.Slug}?culture=zh-Hans");
        Assert.Equal("管理控制台", chinese.QuerySelector(".staff-menu a")!.TextContent);
        var console = await client.GetDocumentAsync("/admin?culture=fr");
        Assert.Equal("Sign out", console.QuerySelector(".staff-menu button")!.TextContent);
    }

    [Fact]
    public async Task A_signature_from_before_languages_were_recorded_shows_English_in_its_own_name()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("oldlang"));
        var email = $"{Signer.Unique("old")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Ada Old", email));
        var mail = await app.Smtp.WaitForAsync(email);
        await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Language, (string?)null)));
        var manage = Signer.ManagePathIn(mail);

        var page = await app.Client().GetDocumentAsync(manage + "?culture=fr");
        var language = page.QuerySelectorAll("dl.details dd[lang]").Single();
        Assert.Equal(("en", "English"), (language.GetAttribute("lang"), language.TextContent));
    }
}
