namespace Petition.Web.Letters;

public static class LettersSetup
{
    /// <summary>The letters as the public sees them: their text, their count, and the one notifier of a change to either.</summary>
    public static WebApplicationBuilder AddLetters(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SignatureCounter>();
        builder.Services.AddSingleton<PublicView>();
        builder.Services.AddSingleton<LetterMarkdown>();
        builder.Services.AddSingleton<LetterCache>();
        builder.Services.AddSingleton<PreviewLinks>();
        builder.Services.AddScoped<SampleLetter>();
        builder.Services.AddHostedService<SampleLetterSeed>();
        return builder;
    }
}
