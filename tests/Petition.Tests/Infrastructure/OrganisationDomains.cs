using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Moderation;
using Petition.Web.Abuse;

namespace Petition.Tests.Infrastructure;

public static class OrganisationDomains
{
    /// <summary>Lists a domain for an organisation, as the Trust page does (which also drops the cached list).</summary>
    public static async Task ListDomainAsync(this PetitionApp app, string organisation, string domain)
    {
        await app.Db(async db =>
        {
            db.OrganisationDomains.Add(new OrganisationDomain { Organisation = organisation, Domain = domain });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<AffiliationCheck>().Invalidate();
    }
}
