using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Petition.Data;
using Petition.Web.Caching;
using Petition.Web.Database;
using Petition.Web.Languages;

namespace Petition.Web.Front;

/// <summary>Pages, problem details, OpenAPI and the pipeline that serves them.</summary>
public static class FrontEndSetup
{
    public static WebApplicationBuilder AddFrontEnd(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        // Names in any script are written as themselves, not as &#x...; entities (still HTML-encoded where needed).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(options =>
        {
            // Secure whenever the request is HTTPS (behind a proxy: when it says so); strict to this site; no script reads it.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException)
                context.ProblemDetails.Detail = "The request could not be read. Send a JSON object whose fields have the documented types.";
        });
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseFrontEnd(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseSecurityHeaders();
        // First, so every answer carries it (a redirect to the login, a 429, an error page) and one served from the
        // output cache carries the same as the first.
        app.UseCacheHeaders(app.Configuration.GetValue("OutputCache:MaxAge", TimeSpan.FromSeconds(5)));
        // Early, so error pages and API problems speak the visitor's language; before the output cache, which
        // varies the letter page by it.
        app.UseLanguages();
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // Malformed JSON is the client's mistake: 400, not 500.
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler("/status/500");
            pages.UseStatusCodePagesWithReExecute("/status/{0}");
        });
        // Inside the status-code pages, so a 503 for a lost database gets the friendly page or problem+json.
        app.UseDatabaseUnavailable();
        // Routing after the status-code pages, so a re-executed request (/status/404) is routed afresh.
        app.UseRouting();
        // After routing: each limit belongs to the endpoint chosen, however its URL was spelled.
        app.UseRateLimits();
        app.UseBodyLimits();
        // Before the output cache, so a cached count still carries its CORS headers.
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapStaticAssets();
        app.MapRazorPages();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        return app;
    }

    static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
}
