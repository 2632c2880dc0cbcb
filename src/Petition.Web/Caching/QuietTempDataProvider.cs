using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Petition.Web.Caching;

/// <summary>
/// The cookie TempData provider, minus one habit: it deletes its cookie on every page that reads TempData, even for a
/// visitor who never had one. That Set-Cookie would make every page uncacheable, so a delete is sent only to a
/// visitor who sent the cookie.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options)
    : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
            return;
        inner.SaveTempData(context, values);
    }
}
