namespace Petition.Web.Managing;

public static class ManagingSetup
{
    public static WebApplicationBuilder AddManaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SignatureManagement>();
        return builder;
    }
}
