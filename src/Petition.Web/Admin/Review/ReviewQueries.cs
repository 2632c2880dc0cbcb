using Petition.Data.Signatures;
using Petition.Web.Keys;
using Petition.Web.Signatories;

namespace Petition.Web.Admin.Review;

public static class ReviewQueries
{
    /// <summary>
    /// One letter's signatures narrowed by the filter; every provider runs it as plain comparisons and LIKE. The
    /// search looks in the public names and organisations (the clear columns), and a whole address only for an admin
    /// (<see cref="AddressView"/>): a moderator narrows by domain, never finds or confirms a mailbox.
    /// </summary>
    public static IQueryable<Signature> Matching(this IQueryable<Signature> signatures, int letterId, ReviewFilter filter,
        PersonalDataKeys keys, bool searchAddresses = false)
    {
        signatures = signatures.Where(s => s.LetterId == letterId).Narrowed(filter, sealedValues: keys);
        if (!string.IsNullOrWhiteSpace(filter.Domain))
        {
            var domain = keys.DomainHash(filter.Domain);
            signatures = signatures.Where(s => s.DomainHash == domain);
        }
        if (!string.IsNullOrWhiteSpace(filter.Network))
        {
            var network = filter.Network.Trim();
            signatures = signatures.Where(s => s.NetworkHash == network);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            // An address is found whole (its keyed hash), never by a part: the database does not hold it.
            var address = searchAddresses && Text.EmailAddress.IsValid(term) ? keys.AddressHash(Text.EmailAddress.Canonicalize(term)) : null;
            signatures = address is not null
                ? signatures.Where(s => s.SearchText.Contains(term) || s.EmailHash == address)
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
