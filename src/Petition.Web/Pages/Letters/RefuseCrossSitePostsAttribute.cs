using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// Refuses a form post that a browser says came from another site, without a token: the browser's Sec-Fetch-Site
/// header, or failing that its Origin header, names where the form was. A client that sends neither is not a
/// browser acting for someone else, and could post to the open API just the same. This lets the sign form carry no
/// per-visitor token, so the letter page sets no cookie and one cached copy serves everyone
/// (docs/decisions/008-output-cache.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseCrossSitePostsAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && IsCrossSite(request))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }

    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
            return fetchSite is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
