using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;
using static Petition.Tests.Exports.Importing;

namespace Petition.Tests.Exports;

/// <summary>An online form's or a spreadsheet's export, with columns of its own, imported as an organiser would.</summary>
public class ImportColumnMappingTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    const string FormsExport = "Timestamp,Full name,Email address,Country,Your role\n" +
                               "2026/11/30 10:02:11,Ama Mensah,ama@example.org,Ghana,Physician\n" +
                               "2026/11/30 10:05:40,Jean Dupont,jean@example.org,côte d'ivoire,Journalist\n";

    [Fact]
    public async Task A_forms_export_is_read_its_unknown_columns_ignored_and_the_organisers_choices_remembered()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-forms"));
        var (admin, preview) = await app.PreviewImportAsync(letter, FormsExport, "ConfirmedByOrganiser");
        var text = preview.Body!.TextContent;
        Assert.DoesNotContain("The file cannot be imported", text);
        Assert.Contains("2 ready to import", text);
        Assert.Equal("", Choice(preview, "Timestamp"));
        Assert.Equal("name", Choice(preview, "Full name"));
        Assert.Equal("email", Choice(preview, "Email address"));
        Assert.Equal("", Choice(preview, "Your role"));

        // "Your role" is the signer's title: the organiser says so and previews again.
        var columns = preview.QuerySelector("form.import-columns")!;
        var values = new Dictionary<string, string>();
        foreach (var select in columns.QuerySelectorAll("select"))
        {
            var header = columns.QuerySelector($"label[for='{select.Id}']")!.TextContent;
            values[select.GetAttribute("name")!] = header == "Your role" ? "title" : Choice(preview, header);
        }
        var again = await (await admin.SubmitAsync(preview, ImportPage(letter.Slug), values, "form.import-columns")).ReadDocumentAsync();
        Assert.Equal("title", Choice(again, "Your role"));
        await admin.CommitImportAsync(again, letter.Slug);

        var imported = (await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).ToListAsync()))
            .OrderBy(s => s.Name).Select(s => new { s.Name, s.Country, s.Title }).ToList();
        Assert.Equal([new { Name = "Ama Mensah", Country = (string?)"GH", Title = (string?)"Physician" },
            new { Name = "Jean Dupont", Country = (string?)"CI", Title = (string?)"Journalist" }], imported);

        // The next file from the same form is read the same way without choosing again.
        var next = await app.PreviewImportAsync(letter, FormsExport.Replace("ama@", "ama2@").Replace("jean@", "jean2@"), "ConfirmedByOrganiser");
        Assert.Equal("title", Choice(next.Preview, "Your role"));
    }

    [Fact]
    public async Task A_line_error_names_the_column_as_the_file_and_the_page_name_it()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-named"));
        var (_, preview) = await app.PreviewImportAsync(letter, "Full name,Email address,Land\nAma Mensah,ama@example.org,Atlantis\n", "ConfirmedByOrganiser");
        Assert.Equal("", Choice(preview, "Land"));
        var (_, mapped) = await app.PreviewImportAsync(letter, "Full name,Email address,Country\nAma Mensah,ama@example.org,Atlantis\n", "ConfirmedByOrganiser");
        Assert.Contains("Column \"Country\" (Country): Choose a country from the list.", mapped.ResultOfLine(2));
    }

    static string Choice(IHtmlDocument preview, string header)
    {
        var form = preview.QuerySelector("form.import-columns")!;
        var label = form.QuerySelectorAll("label").Single(l => l.TextContent == header);
        var select = (IHtmlSelectElement)form.QuerySelector($"#{label.GetAttribute("for")}")!;
        return select.Value ?? "";
    }
}
