namespace Petition.Web.Founding;

public static class FoundingSetup
{
    /// <summary>Where an invitation's privacy notice is: found through the invitation, since its letter is still a draft.</summary>
    public const string InvitationPrivacyRoute = "invitation/{token}/privacy";

    /// <summary>Where a founding sign-up's privacy notice is: behind the sign-up link's key.</summary>
    public const string FoundingPrivacyRoute = "letters/{slug}/founding/{key}/privacy";

    public static WebApplicationBuilder AddFounding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FoundingOptions>().BindConfiguration("Founding").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<FoundingRound>();
        builder.Services.AddScoped<FoundingEmails>();
        // An invitation's privacy notice is found through the invitation (Pages/Letters/Privacy).
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Letters/Privacy", InvitationPrivacyRoute);
            options.Conventions.AddPageRoute("/Letters/Privacy", FoundingPrivacyRoute);
        });
        return builder;
    }
}
