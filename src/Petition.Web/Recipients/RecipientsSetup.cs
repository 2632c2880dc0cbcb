using Microsoft.AspNetCore.OutputCaching;
using Petition.Web.Caching;

namespace Petition.Web.Recipients;

/// <summary>A letter's recipients and their answers: the console's services, and the public responses' cache policy.</summary>
public static class RecipientsSetup
{
    /// <summary>The responses page and API: like the letter page, but the status filter is part of the key.</summary>
    public const string ResponsesPolicy = "responses";

    public static WebApplicationBuilder AddRecipients(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecipientBook>();
        builder.Services.AddScoped<LetterResponses>();
        builder.Services.AddScoped<AnswerDocuments>();
        builder.Services.AddScoped<Delivery.CoverEmail>();
        builder.Services.AddScoped<Delivery.LetterDelivery>();
        builder.Services.AddScoped<Delivery.PackLinks>();
        builder.Services.AddScoped<Email.IOutboxAttachments, Delivery.PackAttachment>();
        var maxAge = builder.Configuration.GetValue("OutputCache:MaxAge", TimeSpan.FromSeconds(5));
        builder.Services.AddOutputCache(options => options.AddPolicy(ResponsesPolicy, policy => policy
            .With(context => CachingSetup.CarriesNoCookieButLanguage(context.HttpContext.Request))
            .SetVaryByQuery("status")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", System.Globalization.CultureInfo.CurrentUICulture.Name))
            .Expire(maxAge)));
        return builder;
    }
}
