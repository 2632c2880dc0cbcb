namespace Petition.Web.Imports;

public static class ImportsSetup
{
    public static WebApplicationBuilder AddImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportCheck>();
        builder.Services.AddScoped<SignatureImport>();
        return builder;
    }
}
