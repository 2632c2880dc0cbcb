namespace Petition.Web.Managing;

public static class ManagingSetup
{
    public static WebApplicationBuilder AddManaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SignatureManagement>();
        builder.Services.AddScoped<VersionNotices>();
        return builder;
    }
}
