using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Signatories;

public record SignatoryQuery(int Limit = 50, string? After = null, string? Search = null, string? Country = null)
{
    public const int MaxLimit = 200;
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(Country);
}

/// <summary>One line of the public list: only what the letter publishes, never an email.</summary>
public record PublicSignatory(string Name, string? Title, string? Organization, string? Country, string? CountryName,
    string? Category, string? City, DateTimeOffset SignedAt)
{
    /// <summary>The listed organisation domain the signer's confirmed address is at, when they agreed to show it.</summary>
    public string? VerifiedAt { get; init; }
}

public record SignatoryPage(IReadOnlyList<PublicSignatory> Items, string? Next, int Total);

/// <summary>
/// The published, publicly listed signatures of a letter, newest first, paged by a cursor on (published at, id)
/// so a deep page costs what the first one does.
/// </summary>
public class PublicSignatories(PetitionDbContext db, SignatureCounter counter)
{
    public async Task<SignatoryPage> QueryAsync(Letter letter, SignatoryQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, SignatoryQuery.MaxLimit);
        var filtered = Filtered(letter.Id, query);

        var page = filtered;
        if (SignatoryCursor.TryParse(query.After, out var after))
        {
            // "<=" first so the database starts its index scan at the cursor instead of filtering every row
            // before it; the second condition then drops the cursor's own row and its earlier-id twins.
            page = page.Where(s => s.PublishedAt <= after.PublishedAt
                && (s.PublishedAt < after.PublishedAt || s.Id < after.Id));
        }
        var rows = await page
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Take(limit + 1)
            .Select(s => new { s.Id, s.PublishedAt, s.Name, s.Title, s.Organization, s.Country, s.Category, s.City, s.VerifiedDomain, s.ShowVerifiedBadge })
            .ToListAsync(cancellationToken);

        var total = query.IsFiltered
            ? await filtered.CountAsync(cancellationToken)
            : (await counter.GetAsync(letter.Id, cancellationToken)).Listed;

        var fields = letter.Fields;
        var items = rows.Take(limit).Select(r => new PublicSignatory(
            r.Name,
            Public(fields.Title, r.Title),
            Public(fields.Organization, r.Organization),
            Public(fields.Country, r.Country),
            Public(fields.Country, r.Country) is { } code ? Countries.Name(code) : null,
            Public(fields.Category, r.Category),
            Public(fields.City, r.City),
            r.PublishedAt!.Value) { VerifiedAt = r.ShowVerifiedBadge ? r.VerifiedDomain : null }).ToList();
        var next = rows.Count > limit ? new SignatoryCursor(rows[limit - 1].PublishedAt!.Value, rows[limit - 1].Id).ToString() : null;
        return new SignatoryPage(items, next, total);
    }

    IQueryable<Signature> Filtered(int letterId, SignatoryQuery query)
    {
        var signatures = db.Signatures.AsNoTracking()
            .Where(s => s.LetterId == letterId && s.State == SignatureState.Published && s.ListPublicly);
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            signatures = signatures.Where(s => s.Country == country);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // LIKE, not Contains: PostgreSQL would get strpos(), which its trigram index cannot serve.
            var pattern = "%" + EscapeLike(query.Search.Trim().ToLowerInvariant()) + "%";
            signatures = signatures.Where(s => EF.Functions.Like(s.SearchText, pattern, LikeEscape));
        }
        return signatures;
    }

    const string LikeEscape = "\\";

    static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_");

    static string? Public(FieldRule rule, string? value) => rule.Shown && rule.Public ? value : null;
}
