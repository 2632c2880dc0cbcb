namespace Petition.Web.Abuse;

public static class AbuseSetup
{
    /// <summary>The checks a sign request, a confirmation and a walk of the list pass, each list read at most every half minute.</summary>
    public static WebApplicationBuilder AddAbuse(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BlockList>();
        builder.Services.AddSingleton<WatchList>();
        builder.Services.AddOptions<ProofOfWorkOptions>().BindConfiguration("ProofOfWork").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ProofOfWork>();
        builder.Services.AddSingleton<ListReadTally>();
        builder.Services.AddSingleton<AffiliationCheck>();
        return builder;
    }
}
