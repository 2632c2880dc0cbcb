using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;


namespace Petition.Web.Caching;

/// <summary>
/// The framework's output cache in front of the hot public reads: the letter page, the letter in the API, the
/// count and the list of letters. A confirmation on this instance evicts its letter's entries at once (see
/// <see cref="Petition.Web.Letters.SignatureCounter"/>); what other instances changed shows within <c>OutputCache:MaxAge</c>.
/// </summary>
public static class CachingSetup
{
    /// <summary>The letter page: the same for every visitor who carries no cookie.</summary>
    public const string LetterPage = "letter-page";

    /// <summary>One letter in the API, or its count: the query string changes nothing.</summary>
    public const string Letter = "letter";

    /// <summary>The list of letters: varies by the query string.</summary>
    public const string Letters = "letters";

    /// <summary>
    /// A letter's public list in the API: varies by the whole query string (page, search, country). A viral letter's
    /// first page, or a name in the news, is asked for by many at once; each entry lives a couple of seconds at most.
    /// </summary>
    public const string Signatories = "signatories";

    /// <summary>How long a page of the public list may be served from the cache; the letter's other entries use OutputCache:MaxAge.</summary>
    public static readonly TimeSpan SignatoriesMaxAge = TimeSpan.FromSeconds(2);

    public const string LettersTag = "letters";
    public static string LetterTag(int letterId) => $"letter:{letterId}";

    public static WebApplicationBuilder AddOutputCaching(this WebApplicationBuilder builder)
    {
        var maxAge = builder.Configuration.GetValue("OutputCache:MaxAge", TimeSpan.FromSeconds(5));
        if (maxAge <= TimeSpan.Zero || maxAge > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException("OutputCache:MaxAge must be a positive time span of at most a minute, such as 00:00:05.");

        // The base policy already refuses to store anything but a 200 to a GET or HEAD, and any response that
        // sets a cookie, so a form post, its ModelState errors and a response carrying a cookie are never cached.
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(LetterPage, policy => policy
                // A visitor with a cookie may have a status message (TempData) or a session the page would show:
                // their page is rendered for them alone. The language cookie alone changes only the language.
                .With(context => CarriesNoCookieButLanguage(context.HttpContext.Request))
                .SetVaryByQuery([])
                // One entry per interface language, whether it came from ?culture=, the cookie or Accept-Language.
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
                .Expire(maxAge));
            options.AddPolicy(Letter, policy => policy.SetVaryByQuery([]).Expire(maxAge));
            options.AddPolicy(Letters, policy => policy.Tag(LettersTag).Expire(maxAge));
            options.AddPolicy(Signatories, policy => policy.Expire(maxAge < SignatoriesMaxAge ? maxAge : SignatoriesMaxAge));
        });
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<CookieTempDataProvider>(services));
        builder.Services.AddSingleton<ITempDataProvider, QuietTempDataProvider>();
        return builder;
    }

    /// <summary>The only cookie a shared page may be asked with is the language choice, which the cache varies by.</summary>
    internal static bool CarriesNoCookieButLanguage(HttpRequest request) =>
        !request.Headers.ContainsKey(HeaderNames.Cookie)
        || request.Cookies.Keys.All(name => name == CookieRequestCultureProvider.DefaultCookieName);

    /// <summary>Marks the response being built as one about this letter, so its confirmations evict it.</summary>
    public static void TagWithLetter(this HttpContext http, int letterId) =>
        http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(LetterTag(letterId));
}
