using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Web.Signing;

namespace Petition.Web.Abuse;

/// <summary>Whether a confirmed address belongs to one of the organisations the organisers list (subdomains count).</summary>
public class AffiliationCheck(PetitionDbContext db)
{
    /// <summary>The listed domain the address is at, or null.</summary>
    public async Task<string?> VerifiedDomainAsync(string email, CancellationToken cancellationToken)
    {
        var domain = EmailAddress.Domain(EmailAddress.Canonicalize(email));
        var candidates = new List<string>();
        for (var d = domain; d.Contains('.'); d = d[(d.IndexOf('.') + 1)..])
            candidates.Add(d);
        return await db.OrganisationDomains.Where(o => candidates.Contains(o.Domain))
            .OrderByDescending(o => o.Domain.Length).Select(o => o.Domain).FirstOrDefaultAsync(cancellationToken);
    }
}
