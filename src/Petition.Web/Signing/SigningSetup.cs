using Petition.Web.Letters;
using Petition.Web.Signatories;
using Petition.Web.Site;

namespace Petition.Web.Signing;

public static class SigningSetup
{
    public static WebApplicationBuilder AddSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().BindConfiguration("Site").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SigningOptions>().BindConfiguration("Signing").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SignatureCounter>();
        builder.Services.AddSingleton<LetterMarkdown>();
        builder.Services.AddSingleton<LetterCache>();
        builder.Services.AddSingleton<PreviewLinks>();
        builder.Services.AddScoped<SignatureEmails>();
        builder.Services.AddScoped<SigningService>();
        builder.Services.AddScoped<SignatureWriter>();
        builder.Services.AddSingleton<SignatureBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SignatureBatcher>());
        builder.Services.AddScoped<Confirmation>();
        builder.Services.AddScoped<PublicSignatories>();
        builder.Services.AddScoped<SampleLetter>();
        builder.Services.AddSingleton<FormTiming>();
        builder.Services.AddSingleton<RobotCheckTally>();
        builder.Services.AddSingleton<Abuse.BlockList>();
        builder.Services.AddSingleton<Abuse.WatchList>();
        builder.Services.AddOptions<Abuse.ProofOfWorkOptions>().BindConfiguration("ProofOfWork").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Abuse.ProofOfWork>();
        builder.Services.AddSingleton<Abuse.ListReadTally>();
        builder.Services.AddScoped<Abuse.AffiliationCheck>();
        builder.Services.AddScoped<WithdrawnAddresses>();
        builder.Services.AddScoped<SignatureErasure>();
        builder.Services.AddScoped<Managing.SignatureManagement>();
        builder.Services.AddScoped<Managing.VersionNotices>();
        return builder;
    }
}
