using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data;
using Petition.Data.Signatures;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Abuse;

/// <summary>
/// Whether a confirmed address belongs to one of the organisations the organisers list (subdomains count). Only the
/// organisers' list lends standing: a domain anyone can buy proves nothing about the name written beside it. The
/// list is read from the database at most every half minute, like the block rules and the watch list: every
/// confirmation asks, and a viral letter must not pay a query each time for a list that changes once a week.
/// </summary>
public class AffiliationCheck(IServiceScopeFactory scopes, IMemoryCache cache)
{
    static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The domain a confirmed signature's address vouches for, or null. A person's address vouches for the listed
    /// organisation it is at. A signature for an organisation needs more (decision 030, amended): the address is at
    /// the website it gave (<see cref="OrganisationWebsite"/>), and the organisers listed that domain for an
    /// organisation of that very name. So "Amnesty International" from amnesty-intl.org, a domain bought last night,
    /// is only an email, and a listed domain cannot lend its standing to an organisation of another name.
    /// </summary>
    public async Task<string?> VerifiedDomainAsync(Signature signature, CancellationToken cancellationToken)
    {
        var listed = ListedAt(await ListAsync(cancellationToken), signature.Email);
        if (!signature.ForOrganisation)
            return listed.FirstOrDefault()?.Domain;
        if (OrganisationWebsite.MatchedDomain(signature.Email, signature.Website) is null)
            return null;
        return listed.FirstOrDefault(l => SameOrganisation(l.Organisation, signature.Organization))?.Domain;
    }

    /// <summary>
    /// Why an organisation's signature waits for the organisers' check, or null: an organisation signs only through
    /// an address at a domain listed for it, through the organisers' own invitation, or once a moderator has looked
    /// (issue 14, item 3).
    /// </summary>
    public static string? HoldReason(Signature signature) =>
        signature is { ForOrganisation: true, VerifiedDomain: null, Invited: false, CheckedNote: null }
            ? "Held: signs for an organisation from an address at no domain the organisers listed for it"
            : null;

    /// <summary>The same words in the same order, whatever the case, accents or punctuation.</summary>
    static bool SameOrganisation(string listed, string? signed) =>
        signed is not null && NameLikeness.Words(listed).SequenceEqual(NameLikeness.Words(signed));

    record Listed(string Organisation, string Domain);

    /// <summary>The listed entries the address is at, the longest domain first (a department's own entry wins).</summary>
    static List<Listed> ListedAt(Dictionary<string, Listed> list, string email)
    {
        var found = new List<Listed>();
        for (var d = EmailAddress.Domain(EmailAddress.Canonicalize(email)); d.Contains('.'); d = d[(d.IndexOf('.') + 1)..])
            if (list.TryGetValue(d, out var entry))
                found.Add(entry);
        return found;
    }

    /// <summary>An edit on this instance applies here at once; other instances follow within half a minute.</summary>
    public void Invalidate() => cache.Remove(nameof(AffiliationCheck));

    async Task<Dictionary<string, Listed>> ListAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(nameof(AffiliationCheck), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            return await db.OrganisationDomains.AsNoTracking()
                .Select(o => new Listed(o.Organisation, o.Domain)).ToDictionaryAsync(o => o.Domain, cancellationToken);
        }))!;
}
