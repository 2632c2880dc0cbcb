namespace Petition.Web.Signing;

public static class SigningSetup
{
    /// <summary>Signing and confirming: the form and the API's sign request, the batcher that writes them, the confirm step.</summary>
    public static WebApplicationBuilder AddSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SigningOptions>().BindConfiguration("Signing").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignatureFactory>();
        builder.Services.AddSingleton<SignatureLinks>();
        builder.Services.AddScoped<SignatureEmails>();
        builder.Services.AddScoped<SigningService>();
        builder.Services.AddScoped<SignatureWriter>();
        builder.Services.AddSingleton<SignatureBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SignatureBatcher>());
        builder.Services.AddSingleton<ConfirmBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ConfirmBatcher>());
        builder.Services.AddScoped<Confirmation>();
        builder.Services.AddScoped<ConfirmStep>();
        builder.Services.AddSingleton<FormTiming>();
        builder.Services.AddSingleton<RobotCheckTally>();
        builder.Services.AddScoped<WithdrawnAddresses>();
        builder.Services.AddScoped<SignatureErasure>();
        return builder;
    }
}
