namespace Petition.Web.Signatories;

public static class SignatoriesSetup
{
    public static WebApplicationBuilder AddSignatories(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PublicSignatories>();
        return builder;
    }
}
