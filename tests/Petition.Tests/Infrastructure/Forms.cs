using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Petition.Tests.Infrastructure;

/// <summary>Reads pages and posts their forms as a browser would, hidden antiforgery field and cookie included.</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Submits the page's form with the given values on top of what it already holds, to where a browser would send
    /// it: the pressed button's formaction (<paramref name="button"/>, a selector inside the form), else the form's
    /// action, else the page's own address.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string pageUrl,
        IDictionary<string, string>? values = null, string formSelector = "form[method=post]", string? button = null,
        IDictionary<string, (string FileName, byte[] Content)>? files = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matching '{formSelector}' on {pageUrl}: the page was \"{page.Title}\", " +
                $"saying \"{page.Body?.TextContent.Trim().ReplaceLineEndings(" ")[..Math.Min(300, page.Body?.TextContent.Trim().Length ?? 0)]}\".");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    continue;
                case IHtmlInputElement { Type: "file" }:
                    continue; // sent as a file part, or not at all, as a browser does
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        var action = (button is null ? null : form.QuerySelector(button)?.GetAttribute("formaction")) ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        if (files is null)
            return client.PostAsync(target, new FormUrlEncodedContent(fields));
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            multipart.Add(new StringContent(value), name);
        foreach (var (name, (fileName, content)) in files)
            multipart.Add(new ByteArrayContent(content), name, fileName);
        return client.PostAsync(target, multipart);
    }
}
