using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Petition.Web.Front;

/// <summary>
/// How much a request may send. Every form and JSON body of the site is small (a signature is a few hundred bytes),
/// so the default is small too, and a larger body is refused with 413 before it is read: 28 MB sign requests sent
/// twelve at a time had doubled the process's memory. An endpoint that takes uploads says its own limit with
/// <c>[RequestSizeLimit]</c> (the import page: 7 MB).
/// </summary>
public static class BodyLimits
{
    public const long DefaultMaxBytes = 64 * 1024;

    /// <summary>After routing, so the endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask; // the status-code pages write the problem body or the error page
        }
        // A body sent without a length is cut off by the server once it passes the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return next();
    });
}
