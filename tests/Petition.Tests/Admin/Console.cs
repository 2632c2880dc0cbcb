using AngleSharp.Html.Dom;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Admin;

/// <summary>The console's forms, posted as a browser would (antiforgery field and cookie included).</summary>
public static class Console
{
    public static string Queue(string slug, string query = "") => $"/admin/letters/{slug}/signatures{query}";
    public static string SignaturePage(string slug, long id) => $"/admin/letters/{slug}/signatures/{id}";

    /// <summary>Opens the page and submits the form of the given page handler with the values given.</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(this HttpClient client, string url, string handler,
        IDictionary<string, string>? values = null, Func<IHtmlFormElement, bool>? which = null)
    {
        var page = await client.GetDocumentAsync(url);
        var forms = page.QuerySelectorAll($"form[action*='handler={handler}']").OfType<IHtmlFormElement>().ToList();
        var form = forms.FirstOrDefault(which ?? (_ => true))
            ?? throw new InvalidOperationException($"No {handler} form on {url}.");
        form.Id = "chosen-form";
        return await client.SubmitAsync(page, url, values, "#chosen-form");
    }
}
