using Microsoft.Net.Http.Headers;

namespace Petition.Web.Caching;

/// <summary>
/// Marks an endpoint whose answer is the same for everyone who sends no cookie but the language: a CDN or a
/// shared proxy in front of the instances may keep it, as this instance's output cache does.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SharedCacheAttribute : Attribute
{
    /// <summary>Seconds a shared cache may serve it; 0 means <c>OutputCache:MaxAge</c>.</summary>
    public int MaxAgeSeconds { get; init; }

    /// <summary>The answer is in the reader's language (a page), chosen from the cookie or Accept-Language.</summary>
    public bool VariesByLanguage { get; init; }
}

/// <summary>
/// The <c>Cache-Control</c> every response carries: <c>public</c> with a short <c>s-maxage</c> and
/// <c>stale-while-revalidate</c> for what <see cref="SharedCacheAttribute"/> marks and everyone sees alike;
/// <c>private, no-store</c> for the rest, so no shared cache ever keeps a console page, a manage page or a form
/// with someone's errors in it. A response that set its own (static files, the share image, a download) keeps it.
/// </summary>
public static class SharedCache
{
    public static IApplicationBuilder UseCacheHeaders(this IApplicationBuilder app, TimeSpan outputCacheMaxAge) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            if (headers.ContainsKey(HeaderNames.CacheControl))
                return Task.CompletedTask;
            var marked = http.GetEndpoint()?.Metadata.GetMetadata<SharedCacheAttribute>();
            if (marked is not null && IsForEveryone(http))
            {
                var seconds = marked.MaxAgeSeconds > 0 ? marked.MaxAgeSeconds : (int)outputCacheMaxAge.TotalSeconds;
                // Browsers ask again each time (max-age=0); shared caches serve it for s-maxage, and a stale copy for
                // as long again while they fetch the next, so a viral letter's readers never wait on the origin.
                headers.CacheControl = $"public, max-age=0, s-maxage={seconds}, stale-while-revalidate={seconds}";
                if (marked.VariesByLanguage)
                    headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
            }
            else
            {
                headers.CacheControl = "private, no-store";
            }
            return Task.CompletedTask;
        });
        return next();
    });

    static bool IsForEveryone(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Response.StatusCode == StatusCodes.Status200OK
        && !http.Response.Headers.ContainsKey(HeaderNames.SetCookie)
        && http.User.Identity?.IsAuthenticated != true
        && CachingSetup.CarriesNoCookieButLanguage(http.Request);
}
