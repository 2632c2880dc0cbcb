using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Site;

namespace Petition.Web.Sharing;

/// <summary>Share cards, the embed's partners and the count that partner sites may read from their own pages.</summary>
public static class SharingSetup
{
    /// <summary>Any site may read public counts from a script: no credentials, nothing private.</summary>
    public const string PublicReadCors = "public-read";

    public static WebApplicationBuilder AddSharing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShareImage>();
        builder.Services.AddSingleton<ShareImages>();
        builder.Services.AddCors(options => options.AddPolicy(PublicReadCors, policy => policy.AllowAnyOrigin().WithMethods("GET")));
        return builder;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/letters/{slug}/share.png", SharePng).WithName("ShareImage").ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> SharePng(string slug, HttpContext http, PetitionDbContext db, SignatureCounter counter,
        ShareImages images, IOptions<SiteOptions> site, TimeProvider time, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return Results.NotFound();
        var counts = await counter.GetAsync(letter.Id, cancellationToken);
        // Crawlers and proxies may keep it a few minutes: the card shows a rounded count anyway.
        http.Response.Headers.CacheControl = "public, max-age=300";
        // ?culture=zh-Hans (as the letter page's tags ask for it) draws the translated title.
        var title = Letters.LetterText.Of(letter).Title;
        return Results.File(images.For(letter, title, counts.Published, site.Value.Name), "image/png");
    }
}
