using Petition.Data.Signatures;
using Petition.Web.Signatories;

namespace Petition.Web.Admin.Review;

public static class ReviewQueries
{
    /// <summary>
    /// One letter's signatures narrowed by the filter; every provider runs it as plain comparisons and LIKE. The
    /// search looks in names and organisations, and in addresses only for an admin (<see cref="AddressView"/>): a
    /// moderator narrows by domain, never finds or confirms a mailbox.
    /// </summary>
    public static IQueryable<Signature> Matching(this IQueryable<Signature> signatures, int letterId, ReviewFilter filter,
        bool searchAddresses = false)
    {
        signatures = signatures.Where(s => s.LetterId == letterId).Narrowed(filter);
        if (!string.IsNullOrWhiteSpace(filter.Domain))
        {
            var suffix = "@" + filter.Domain.Trim().TrimStart('@').ToLowerInvariant();
            signatures = signatures.Where(s => s.EmailCanonical.EndsWith(suffix));
        }
        if (!string.IsNullOrWhiteSpace(filter.Network))
        {
            var network = filter.Network.Trim();
            signatures = signatures.Where(s => s.NetworkHash == network);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            signatures = searchAddresses
                ? signatures.Where(s => s.SearchText.Contains(term) || s.EmailCanonical.Contains(term))
                : signatures.Where(s => s.SearchText.Contains(term));
        }
        return signatures;
    }

    public static IQueryable<Signature> Sorted(this IQueryable<Signature> signatures, ReviewSort sort) => sort switch
    {
        ReviewSort.Oldest => signatures.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id),
        ReviewSort.Name => signatures.OrderBy(s => s.Name).ThenBy(s => s.Id),
        ReviewSort.Organization => signatures.OrderBy(s => s.Organization).ThenBy(s => s.Name).ThenBy(s => s.Id),
        _ => signatures.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id),
    };
}
