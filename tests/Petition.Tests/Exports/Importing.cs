using System.Net;
using AngleSharp.Html.Dom;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Exports;

/// <summary>An admin's import through the console's forms: the preview, then the commit it offers.</summary>
public static class Importing
{
    public static string ImportPage(string slug) => $"/admin/letters/{slug}/import";

    /// <summary>Signs in a new admin, pastes the CSV and asks for the preview.</summary>
    public static async Task<(HttpClient Admin, IHtmlDocument Preview)> PreviewImportAsync(this PetitionApp app, Letter letter,
        string csv, string confirmation)
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var page = await admin.GetDocumentAsync(ImportPage(letter.Slug));
        var response = await admin.SubmitAsync(page, ImportPage(letter.Slug),
            new Dictionary<string, string> { ["Text"] = csv, ["Confirmation"] = confirmation }, "form[action*='handler=Preview']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (admin, await response.ReadDocumentAsync());
    }

    public static Task<HttpResponseMessage> CommitImportAsync(this HttpClient admin, IHtmlDocument preview, string slug) =>
        admin.SubmitAsync(preview, ImportPage(slug), formSelector: "form[action*='handler=Commit']");

    /// <summary>The preview's verdict on the line starting at this line number of the file.</summary>
    public static string ResultOfLine(this IHtmlDocument preview, int line) =>
        preview.QuerySelectorAll("table.import-preview tbody tr")
            .Single(row => row.QuerySelector("td")!.TextContent.Trim() == line.ToString()).Children.Last().TextContent;
}
