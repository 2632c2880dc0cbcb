using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Signatories;

public record SignatoryQuery(int Limit = 50, string? After = null, string? Search = null, string? Country = null, Verification? Level = null)
{
    /// <summary>A page holds at most this many: a scraper walking a big list needs many pages, and the list limit counts them.</summary>
    public const int MaxLimit = 100;

    /// <summary>
    /// A search or country filter counts its matches up to here and no further: counting a common name among a
    /// million signatures visited every match on each request (105 ms), and nobody reads past "more than 1,000".
    /// </summary>
    public const int MaxCountedMatches = 1_000;
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(Country) || Level is not null;
}

/// <summary>One line of the public list: only what the letter publishes (<see cref="PublicField"/>), never an email.</summary>
public record PublicSignatory(string Name, string? Title, string? Organization, string? Country, string? CountryName,
    string? Category, string? City, DateTimeOffset SignedAt, bool Notable = false)
{
    /// <summary>The listed organisation domain the signer's confirmed address is at, when they agreed to show it.</summary>
    public string? VerifiedAt { get; init; }

    /// <summary>The signer's comment, when the letter publishes comments.</summary>
    public string? Comment { get; init; }

    /// <summary>How far the signature is shown to be its signer's (<see cref="Petition.Data.Signatures.Verifications"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public Verification Verification { get; init; }

    /// <summary>The level's word in the API: "email", "institutional", "checked" or "imported".</summary>
    [System.Text.Json.Serialization.JsonPropertyName("verification")] public string VerificationWord => Verification.Word();

    /// <summary>This line's value of a public field (a country as its code).</summary>
    public string? Value(PublicField field) => field.Key switch
    {
        "title" => Title,
        "organization" => Organization,
        "category" => Category,
        "country" => Country,
        "city" => City,
        "comment" => Comment,
        _ => null,
    };
}

/// <summary>A page of the list. <paramref name="TotalIsExact"/> is false when a filter matched more than <see cref="SignatoryQuery.MaxCountedMatches"/>, which is then the total.</summary>
public record SignatoryPage(IReadOnlyList<PublicSignatory> Items, string? Next, int Total, bool TotalIsExact = true)
{
    /// <summary>The organiser holds the names back (<see cref="Letter.NamesPublicAt"/>): none are listed, the count still shows.</summary>
    public bool NamesHeld { get; init; }

    /// <summary>When held names are published by themselves, if the organiser set a date.</summary>
    public DateTimeOffset? NamesPublishedAt { get; init; }
}

/// <summary>
/// The published, publicly listed signatures of a letter: the notable ones first in the order moderators set, then
/// everyone else newest first, paged by a cursor on (published at, id) so a deep page costs what the first one does.
/// The notable ones are few, so their part of the list is its own small query and cursor.
/// </summary>
public class PublicSignatories(PetitionDbContext db, SignatureCounter counter, TimeProvider time)
{
    public async Task<SignatoryPage> QueryAsync(Letter letter, SignatoryQuery query, CancellationToken cancellationToken)
    {
        if (!letter.NamesPublicAt(time.GetUtcNow()))
            return new SignatoryPage([], null, 0) { NamesHeld = true, NamesPublishedAt = letter.NamesHeld ? null : letter.NamesHeldUntil };
        var limit = Math.Clamp(query.Limit, 1, SignatoryQuery.MaxLimit);
        var planned = !string.IsNullOrWhiteSpace(query.Search) && db.Database.IsNpgsql();
        await using var plan = planned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (planned)
            await SearchPlan.ThroughTrigramIndexAsync(db, cancellationToken);
        var filtered = Filtered(letter, query);
        var total = query.IsFiltered
            ? await filtered.Take(SignatoryQuery.MaxCountedMatches + 1).CountAsync(cancellationToken)
            : (await counter.GetAsync(letter.Id, cancellationToken)).Listed;
        var exact = total <= SignatoryQuery.MaxCountedMatches;
        // A common term is found within a few thousand rows in list order; the index would fetch and sort every match.
        if (planned && !exact)
            await SearchPlan.InListOrderAsync(db, cancellationToken);
        var rows = new List<SignatoryRow>();
        string? next = null;

        var afterDate = SignatoryCursor.TryParse(query.After, out var dateCursor) ? dateCursor : (SignatoryCursor?)null;
        if (afterDate is null)
        {
            var notable = filtered.Where(s => s.Notable);
            if (NotableCursor.TryParse(query.After, out var after))
                notable = notable.Where(s => (s.NotableOrder ?? 0) > after.Order
                    || ((s.NotableOrder ?? 0) == after.Order && s.Id > after.Id));
            rows = await Select(notable.OrderBy(s => s.NotableOrder ?? 0).ThenBy(s => s.Id).Take(limit + 1), cancellationToken);
            if (rows.Count > limit)
            {
                rows.RemoveAt(limit);
                next = NotableAfter(rows[^1]);
            }
        }
        var room = limit - rows.Count;
        if (next is null)
        {
            var regular = filtered.Where(s => !s.Notable);
            // "<=" first so the database starts its index scan at the cursor instead of filtering every row
            // before it; the second condition then drops the cursor's own row and its earlier-id twins.
            if (afterDate is { } a)
                regular = regular.Where(s => s.PublishedAt <= a.PublishedAt && (s.PublishedAt < a.PublishedAt || s.Id < a.Id));
            var more = await Select(regular.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Take(room + 1), cancellationToken);
            if (more.Count > room)
                // A page filled by notable signatories alone goes on, next time, right after its last one.
                next = room == 0 ? NotableAfter(rows[^1]) : new SignatoryCursor(more[room - 1].PublishedAt!.Value, more[room - 1].Id).ToString();
            rows.AddRange(more.Take(room));
        }
        if (plan is not null)
            await plan.CommitAsync(cancellationToken);


        var items = rows.Select(r => r.ToPublic(letter.Fields)).ToList();
        return new SignatoryPage(items, next, exact ? total : SignatoryQuery.MaxCountedMatches, exact);
    }

    static Task<List<SignatoryRow>> Select(IQueryable<Signature> signatures, CancellationToken cancellationToken) =>
        signatures.Select(SignatoryRow.Select).ToListAsync(cancellationToken);

    static string NotableAfter(SignatoryRow row) => new NotableCursor(row.NotableOrder ?? 0, row.Id).ToString();

    /// <summary>
    /// The list narrowed by the public's filter and search, on published fields only: a country or an organisation
    /// that the letter keeps private must not be found out one name at a time by filtering or searching on it.
    /// </summary>
    IQueryable<Signature> Filtered(Letter letter, SignatoryQuery query)
    {
        var signatures = db.Signatures.AsNoTracking()
            .Where(s => s.LetterId == letter.Id && s.State == SignatureState.Published && s.ListPublicly && !s.Hidden);
        if (!string.IsNullOrWhiteSpace(query.Country) && letter.Fields.Country.Published)
        {
            var country = query.Country.Trim().ToUpperInvariant();
            signatures = signatures.Where(s => s.Country == country);
            // Those who gave their country before it was public are not found by it.
            if (letter.Fields.Country.PublicSince is { } since)
                signatures = signatures.Where(s => s.CreatedAt > since);
        }
        // The levels above the floor are few and have an index of their own (IX_Signatures_Verified).
        if (query.Level is { } level)
            signatures = signatures.Where(s => s.Verification == level);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // LIKE, not Contains: PostgreSQL would get strpos(), which its trigram index cannot serve.
            var pattern = "%" + EscapeLike(query.Search.Trim().ToLowerInvariant()) + "%";
            signatures = signatures.Where(s => EF.Functions.Like(s.SearchText, pattern, LikeEscape));
            // SearchText is the name, a space and the organisation, lower-cased; the index finds the candidates,
            // and a letter that keeps organisations private has the match held to the name's part of it.
            if (!letter.Fields.Organization.Published || letter.Fields.Organization.PublicSince is not null)
                signatures = signatures.Where(s => EF.Functions.Like(s.SearchText.Substring(0, s.Name.Length), pattern, LikeEscape));
        }
        return signatures;
    }

    const string LikeEscape = "\\";

    static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_");

}
