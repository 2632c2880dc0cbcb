using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data;

namespace Petition.Web.Letters;

/// <summary>
/// Public letters by slug, read from the database at most once every two seconds per instance: every sign request
/// needs its letter, and a viral letter must not cost a query per signature. An edit shows within that time.
/// The letters handed out are shared: read them, never change them.
/// </summary>
public class LetterCache(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    public async Task<Data.Letters.Letter?> PublicBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var key = ("public-letter", slug);
        if (cache.TryGetValue(key, out Data.Letters.Letter? letter))
            return letter;
        await using var scope = scopes.CreateAsyncScope();
        letter = await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Letters.AsNoTracking()
            .PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is not null) // unknown slugs are not remembered: a stranger could invent them without end
            cache.Set(key, letter, MaxAge);
        return letter;
    }

    /// <summary>An edit on this instance shows here at once; other instances see it within <see cref="MaxAge"/>.</summary>
    public void Evict(string slug) => cache.Remove(("public-letter", slug));
}
