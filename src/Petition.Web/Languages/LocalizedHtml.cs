using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Petition.Web.Languages;

/// <summary>Translated sentences that wrap markup, such as a link in the middle of a sentence.</summary>
public static class LocalizedHtml
{
    /// <summary>
    /// Encodes the translated text, then puts the trusted markup in its <c>{0}</c>, <c>{1}</c>… places, so the
    /// words can move around the link from one language to another and a translation can never inject markup.
    /// </summary>
    public static IHtmlContent Html(this IStringLocalizer localizer, string key, params object[] markup) =>
        new HtmlString(string.Format(HtmlEncoder.Default.Encode(localizer[key]), markup));

    /// <summary>The current path and query without <c>culture=</c>, for the switcher to come back to.</summary>
    public static string ReturnUrl(HttpRequest request)
    {
        // A page that everyone shares (output cache, CDN) ignores the query: one visitor's query string must not
        // end up in the links that every later reader is served.
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Caching.SharedCacheAttribute>() is not null)
            return request.PathBase + request.Path;
        var query = QueryString.Create(request.Query.Where(q => !string.Equals(q.Key, "culture", StringComparison.OrdinalIgnoreCase)));
        return request.PathBase + request.Path + query;
    }
}
