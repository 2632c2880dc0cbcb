using Petition.Web.Signatories;

namespace Petition.Web.Reach;

/// <summary>How far a letter has reached: its sections, its countries on a map drawn here, its signatures over time.</summary>
public static class ReachSetup
{
    public static WebApplicationBuilder AddReach(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicBreakdowns>();
        builder.Services.AddScoped<SectionedSignatories>();
        builder.Services.AddScoped<LetterReach>();
        builder.Services.AddOptions<LiveCountOptions>().BindConfiguration(LiveCountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
