using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;
using Petition.Web.Signing;
using static Petition.Tests.Exports.Importing;
using Petition.Web.Text;

namespace Petition.Tests.Adversary;

/// <summary>
/// A spammer types a link into a field our emails repeat, and signs any address: the site would mail the link from
/// its own domain. Every field an email repeats refuses links, in the form, the API, the manage page and the import.
/// </summary>
public class LinksInFieldsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Theory]
    [InlineData("example.com/x")]
    [InlineData("hxxp://bad")]
    [InlineData("www.cheap-pills")]
    [InlineData("claim at prize@win.example")]
    [InlineData("bad[.]example")]
    [InlineData("https://t.co/abc")]
    public void The_rule_catches_the_usual_spellings(string value) => Assert.True(TextRules.CarriesLink(value));

    [Theory]
    [InlineData("Médecins Sans Frontières")]
    [InlineData("Dr. J. R. R. Tolkien")]
    [InlineData("St. Mary's Hospital, Dept. of Surgery")]
    [InlineData("Université Paris 1")]
    public void Real_names_and_organisations_pass(string value) => Assert.False(TextRules.CarriesLink(value));

    [Theory]
    [InlineData("title")]
    [InlineData("organization")]
    [InlineData("city")]
    public async Task The_api_refuses_a_link_in_a_field_the_email_repeats(string field)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("links"));
        var body = Signer.ApiBody("Honest Name", $"{Signer.Unique("victim")}@example.org");
        body[field] = "visit example.com/prize";
        var response = await app.Client().SignByApiAsync(letter.Slug, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("web or email address", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Db(db => db.Signatures.AnyAsync(s => s.LetterId == letter.Id)));
    }

    [Fact]
    public async Task The_manage_page_refuses_a_link_in_a_correction()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("links-manage"));
        var email = $"{Signer.Unique("m")}@example.org";
        var client = app.Client();
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Honest Name", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        var manage = Signer.ManagePathIn(app.Smtp.To(email)[0]);
        var response = await client.SubmitAsync(await client.GetDocumentAsync(manage), manage,
            new Dictionary<string, string> { ["Input.Organization"] = "www.cheap-pills" }, formSelector: "form[action$='/correct']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("web or email address", (await response.ReadDocumentAsync()).Body!.TextContent);
        Assert.NotEqual("www.cheap-pills", await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.Organization).SingleAsync()));
    }

    [Fact]
    public async Task The_import_refuses_a_line_with_a_link()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("links-import"));
        var (_, preview) = await app.PreviewImportAsync(letter,
            $"name,email,organisation,country\nHonest Name,{Signer.Unique("i")}@example.org,hxxp://bad,FR\n", "EmailEachSigner");
        Assert.Contains("web or email address", preview.Body!.TextContent);
        Assert.Null(preview.QuerySelector("form[action*='handler=Commit']"));
    }
}
