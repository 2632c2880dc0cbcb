using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Web.Caching;
using Petition.Web.Letters;

namespace Petition.Web.Seals;

public static class SealSetup
{
    public static WebApplicationBuilder AddSeals(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SealEntry>();
        builder.Services.AddScoped<ListSealing>();
        builder.Services.AddScoped<SealReceipts>();
        return builder;
    }

    /// <summary>
    /// Each seal's signed statement and its signature, byte for byte as signed: what a receipt is checked against,
    /// and with <c>openssl dgst -sha256 -verify</c>, what the site's key vouches for.
    /// </summary>
    public static IEndpointRouteBuilder MapSeals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/letters/{slug}/seals/{number:int}", (string slug, int number, PetitionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            Serve(slug, number, db, time, s => Results.Bytes(s.Statement, "application/json"), cancellationToken))
            .CacheOutput(CachingSetup.Letter).WithMetadata(new SharedCacheAttribute()).ExcludeFromDescription();
        app.MapGet("/letters/{slug}/seals/{number:int}.sig", (string slug, int number, PetitionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            Serve(slug, number, db, time, s => Results.File(s.Signature, "application/octet-stream", $"{slug}-seal-{number}.json.sig"), cancellationToken))
            .CacheOutput(CachingSetup.Letter).WithMetadata(new SharedCacheAttribute()).ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> Serve(string slug, int number, PetitionDbContext db, TimeProvider time,
        Func<Data.Seals.ListSeal, IResult> result, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken) is not { } letter)
            return Results.NotFound();
        var seal = await db.ListSeals.AsNoTracking().FirstOrDefaultAsync(s => s.LetterId == letter.Id && s.Number == number, cancellationToken);
        return seal is null ? Results.NotFound() : result(seal);
    }
}
