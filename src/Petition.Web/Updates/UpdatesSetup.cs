namespace Petition.Web.Updates;

/// <summary>Updates to signers and the letter's deadline and milestones: the console's services and their background workers.</summary>
public static class UpdatesSetup
{
    public static WebApplicationBuilder AddUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UpdatesOptions>().BindConfiguration("Updates").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<UpdateSignal>();
        builder.Services.AddScoped<LetterUpdates>();
        builder.Services.AddScoped<VersionNotices>();
        builder.Services.AddSingleton<UpdateSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<UpdateSender>());
        builder.Services.AddScoped<MilestoneEmail>();
        builder.Services.AddSingleton<DeadlineWatch>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineWatch>());
        return builder;
    }
}
