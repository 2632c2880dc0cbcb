using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Petition.Data.Letters;
using Petition.Tests.Infrastructure;
using Petition.Web.Letters;

namespace Petition.Tests.Recipients;

/// <summary>The console's recipient pages, used as an admin would: forms posted with their antiforgery token.</summary>
public static class RecipientPages
{
    public static string Page(string slug) => $"/admin/letters/{slug}/recipients";
    public static string ImportPage(string? slug) => slug is null ? "/admin/recipients/import" : $"/admin/letters/{slug}/recipients/import";

    public static async Task<IHtmlDocument> PreviewRecipientsAsync(this HttpClient admin, string? slug, string csv)
    {
        var page = await admin.GetDocumentAsync(ImportPage(slug));
        var response = await admin.SubmitAsync(page, ImportPage(slug), new Dictionary<string, string> { ["Text"] = csv }, "form[action*='handler=Preview']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    public static Task<HttpResponseMessage> CommitRecipientsAsync(this HttpClient admin, IHtmlDocument preview, string? slug) =>
        admin.SubmitAsync(preview, ImportPage(slug), formSelector: "form[action*='handler=Commit']");

    public static async Task<HttpResponseMessage> AddRecipientAsync(this HttpClient admin, Letter letter, string name, string emails,
        string country = "", string language = "en")
    {
        var page = await admin.GetDocumentAsync(Page(letter.Slug));
        return await admin.SubmitAsync(page, Page(letter.Slug), new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Emails"] = emails, ["Input.Country"] = country, ["Input.Language"] = language,
        }, "form[action*='handler=Add']");
    }

    /// <summary>Records an answer from the recipient's page in the console.</summary>
    public static async Task<HttpResponseMessage> RecordAnswerAsync(this HttpClient admin, Letter letter, int recipientId,
        string status, string date, string text, bool isPublic)
    {
        var url = $"{Page(letter.Slug)}/{recipientId}";
        var page = await admin.GetDocumentAsync(url);
        // An unticked box sends nothing; "false" here stands for unticking the one the page shows ticked.
        var values = new Dictionary<string, string>
        {
            ["Answer.Status"] = status, ["Answer.AnsweredOn"] = date, ["Answer.Text"] = text, ["Answer.Public"] = isPublic ? "true" : "false",
        };
        return await admin.SubmitAsync(page, url, values, "form[action*='handler=Answer']");
    }

    /// <summary>The verdict the preview gives on the line starting at this line number of the file.</summary>
    public static string ResultOfLine(this IHtmlDocument preview, int line) =>
        preview.QuerySelectorAll("table.import-preview tbody tr")
            .Single(row => row.QuerySelector("td")!.TextContent.Trim() == line.ToString()).Children.Last().TextContent;

    /// <summary>
    /// A file of 193 missions, one per state (in the order of their codes), each with its own address at
    /// <paramref name="domain"/> and a language among the six the site speaks.
    /// </summary>
    public static (string Csv, List<string> Addresses) Missions(string domain, int count = 193)
    {
        string[] languages = ["en", "fr", "es", "ru", "zh-Hans", "ar"];
        var csv = new StringBuilder("name,email,country,language\n");
        var addresses = new List<string>();
        foreach (var (code, i) in Countries.Codes.Order().Take(count).Select((c, i) => (c, i)))
        {
            var address = $"mission.{code.ToLowerInvariant()}@{domain}";
            addresses.Add(address);
            csv.Append($"\"Permanent Mission of {Countries.EnglishName(code).Replace("\"", "\"\"")}\",{address},{code},{languages[i % languages.Length]}\n");
        }
        return (csv.ToString(), addresses);
    }
}
