namespace Petition.Web.Site;

public static class SiteSetup
{
    /// <summary>What every part of the site shares: its options, its clock (tests replace it) and a memory cache.</summary>
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().BindConfiguration("Site").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        return builder;
    }
}
