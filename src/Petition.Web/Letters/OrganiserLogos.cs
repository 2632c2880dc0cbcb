using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;

namespace Petition.Web.Letters;

/// <summary>
/// The organiser's logo: uploaded by an admin, served by the app itself (no third-party host sees a reader). Only
/// PNG and JPEG, told by their first bytes rather than by the name or type the browser claims: an SVG can carry
/// script, and a file that says it is a picture must be one.
/// </summary>
public static class OrganiserLogos
{
    public const int MaxBytes = 200 * 1024;

    /// <summary>"image/png" or "image/jpeg" for such a file, else null.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    public static string PathOf(Letter letter) =>
        $"/letters/{Uri.EscapeDataString(letter.Slug)}/logo?v={letter.UpdatedAt?.ToUnixTimeSeconds() ?? 0}";

    public static IEndpointRouteBuilder MapOrganiserLogos(this IEndpointRouteBuilder app)
    {
        // Read like the letter itself: held by the output cache whatever the query (a flood of ?v= spellings is one
        // entry), and marked for shared caches (SharedCache), as every public read is.
        app.MapGet("/letters/{slug}/logo", async (string slug, PetitionDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
            if (letter?.Organiser.LogoType is not { } type)
                return Results.NotFound();
            var logo = await db.LetterLogos.AsNoTracking().FirstOrDefaultAsync(l => l.LetterId == letter.Id, cancellationToken);
            if (logo is null)
                return Results.NotFound();
            return Results.File(logo.Content, type);
        }).CacheOutput(Caching.CachingSetup.Letter).WithMetadata(new Caching.SharedCacheAttribute()).ExcludeFromDescription();
        return app;
    }
}
