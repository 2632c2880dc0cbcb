using Microsoft.AspNetCore.Localization;

namespace Petition.Web.Languages;

/// <summary>
/// The interface language of each request: <c>?culture=fr</c> first, then the cookie the switcher sets, then the
/// browser's Accept-Language, then English (docs/decisions/013-localization.md).
/// </summary>
public static class LanguagesSetup
{
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SiteLanguages.All.Select(l => l.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(SiteLanguages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true; // Content-Language
            options.RequestCultureProviders =
            [
                // The console is in English only (decision 013): its pages say so, whatever the visitor chose.
                new CustomRequestCultureProvider(http => Task.FromResult(IsConsole(http.Request.Path)
                    ? new ProviderCultureResult(SiteLanguages.Default) : null)),
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseLanguages(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>
    /// <c>GET /language/{code}?returnUrl=/path</c>: remembers the choice in a cookie and goes back to a path on this
    /// site (never another host). A link rather than a form, so pages carry no per-visitor token and stay
    /// cacheable; the worst a forged link can do is change someone's language.
    /// </summary>
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http, TimeProvider time) =>
        {
            var target = LocalTarget(returnUrl);
            if (SiteLanguages.Find(code) is not { } language)
                return Results.Redirect(target);
            http.Response.Cookies.Append(CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Code)),
                new CookieOptions
                {
                    Expires = time.GetUtcNow().AddYears(1),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                });
            return Results.Redirect(target);
        }).ExcludeFromDescription();
        return app;
    }

    static bool IsConsole(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where to go back to: the path given when it is on this site, written as a Location header must be (a path
    /// typed with "é" in it is sent percent-encoded, not refused with a 500); else the home page.
    /// </summary>
    public static string LocalTarget(string? returnUrl)
    {
        if (!IsLocal(returnUrl))
            return "/";
        var site = new Uri("http://site.invalid");
        return Uri.TryCreate(site, returnUrl, out var uri) && uri.Host == site.Host && uri.Port == site.Port
            ? uri.PathAndQuery
            : "/";
    }

    /// <summary>A path on this site: starts with one slash, not "//" or "/\", which browsers take for another host.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
