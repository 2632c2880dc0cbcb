using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Database;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Signatories;

public record SignatoryQuery(int Limit = 50, string? After = null, string? Search = null, string? Country = null, Verification? Level = null)
{
    /// <summary>Organisations or individuals only (<see cref="Signatories.Signers"/>); null for both.</summary>
    public Signers? Signers { get; init; }

    /// <summary>One section of the list (<see cref="Sections"/>); null for every signatory.</summary>
    public Section? Section { get; init; }

    /// <summary>
    /// False when the caller has the total already (a section's, from <see cref="Reach.PublicBreakdowns"/>): a page
    /// of each section then costs no count of its own. A search still counts, since its plan depends on the count.
    /// </summary>
    public bool CountTotal { get; init; } = true;

    /// <summary>A page holds at most this many: a scraper walking a big list needs many pages, and the list limit counts them.</summary>
    public const int MaxLimit = 100;

    /// <summary>
    /// A search or country filter counts its matches up to here and no further: counting a common name among a
    /// million signatures visited every match on each request (105 ms), and nobody reads past "more than 1,000".
    /// </summary>
    public const int MaxCountedMatches = 1_000;
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(Country) || Level is not null || Signers is not null;
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

    /// <summary>Signed on behalf of the organisation in <see cref="Organization"/>; <see cref="Title"/> is the signer's role there.</summary>
    public bool ForOrganization { get; init; }

    /// <summary>The organisation's website, for a signature on its behalf.</summary>
    public string? Website { get; init; }

    /// <summary>Signed in the founding round, before the letter opened; listed first.</summary>
    public bool Founding { get; init; }

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
/// The published, publicly listed signatures of a letter: the notable ones first in the order moderators set, the
/// founding ones next (those who signed in the founding round, oldest first), then everyone else newest first, paged by a cursor on (published at, id) so a deep page costs what the first one does.
/// The notable ones are few, so their part of the list is its own small query and cursor. Read on the replica
/// while there is one in step (<see cref="ReplicaReads"/>).
/// </summary>
public class PublicSignatories(ReplicaReads reads, SignatureCounter counter, TimeProvider time)
{
    public async Task<SignatoryPage> QueryAsync(Letter letter, SignatoryQuery query, CancellationToken cancellationToken) =>
        letter.NamesPublicAt(time.GetUtcNow())
            ? await reads.RunAsync(letter.Id, db => QueryOnAsync(db, letter, query, cancellationToken), cancellationToken)
            : Held(letter);

    /// <summary>
    /// The same page's total and whether the names are held, without its rows: for a page whose rows come from
    /// elsewhere (the list in sections). Unfiltered, it is the counter's, and costs no query at all.
    /// </summary>
    public async Task<SignatoryPage> CountAsync(Letter letter, SignatoryQuery query, CancellationToken cancellationToken) =>
        letter.NamesPublicAt(time.GetUtcNow())
            ? await reads.RunAsync(letter.Id, async db =>
            {
                var planned = Planned(db, query);
                await using var plan = planned ? await SearchPlan.BeginAsync(db, cancellationToken) : null;
                var total = await TotalAsync(db, letter, query, planned, cancellationToken);
                if (plan is not null)
                    await plan.CommitAsync(cancellationToken);
                return new SignatoryPage([], null, Math.Min(total, SignatoryQuery.MaxCountedMatches), total <= SignatoryQuery.MaxCountedMatches);
            }, cancellationToken)
            : Held(letter);

    static SignatoryPage Held(Letter letter) =>
        new([], null, 0) { NamesHeld = true, NamesPublishedAt = letter.NamesHeld ? null : letter.NamesHeldUntil };

    /// <summary>A search on PostgreSQL runs in a transaction that steers its plan (<see cref="SearchPlan"/>).</summary>
    static bool Planned(PetitionDbContext db, SignatoryQuery query) => !string.IsNullOrWhiteSpace(query.Search) && db.Database.IsNpgsql();

    async Task<int> TotalAsync(PetitionDbContext db, Letter letter, SignatoryQuery query, bool planned, CancellationToken cancellationToken) =>
        !query.CountTotal && !planned ? 0
            : query.IsFiltered || query.Section is not null
            ? await Filtered(db, letter, query).Take(SignatoryQuery.MaxCountedMatches + 1).CountAsync(cancellationToken)
            : (await counter.GetAsync(letter.Id, cancellationToken)).Listed;

    async Task<SignatoryPage> QueryOnAsync(PetitionDbContext db, Letter letter, SignatoryQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, SignatoryQuery.MaxLimit);
        var planned = Planned(db, query);
        await using var plan = planned ? await SearchPlan.BeginAsync(db, cancellationToken) : null;
        var filtered = Filtered(db, letter, query);
        var total = await TotalAsync(db, letter, query, planned, cancellationToken);
        var exact = total <= SignatoryQuery.MaxCountedMatches;
        var rows = new List<SignatoryRow>();
        string? next = null;

        var afterDate = SignatoryCursor.TryParse(query.After, out var dateCursor) ? dateCursor : (SignatoryCursor?)null;
        if (afterDate is null)
        {
            // The head of the list: the notable signatories in their set order, then the founding ones (Founding).
            var notable = filtered.Where(s => s.Notable || s.Founding);
            if (NotableCursor.TryParse(query.After, out var after))
                notable = notable.Where(s => (s.Notable ? s.NotableOrder ?? 0 : FoundingOrder) > after.Order
                    || ((s.Notable ? s.NotableOrder ?? 0 : FoundingOrder) == after.Order && s.Id > after.Id));
            rows = await Select(notable.OrderBy(s => s.Notable ? s.NotableOrder ?? 0 : FoundingOrder).ThenBy(s => s.Id).Take(limit + 1), cancellationToken);
            if (rows.Count > limit)
            {
                rows.RemoveAt(limit);
                next = NotableAfter(rows[^1]);
            }
        }
        var room = limit - rows.Count;
        if (next is null)
        {
            // A common term is found within a few thousand rows in list order; the index would fetch and sort every
            // match. Only for this query: the head's few notable and founding rows come from their own indexes, and
            // in list order PostgreSQL walked the whole letter to find them (a second at a million signatures).
            if (planned && !exact)
                await SearchPlan.InListOrderAsync(db, cancellationToken);
            var regular = filtered.Where(s => !s.Notable && !s.Founding);
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

    /// <summary>Where the founding signatories stand in the head of the list: after every notable one.</summary>
    const int FoundingOrder = int.MaxValue;

    static string NotableAfter(SignatoryRow row) => new NotableCursor(row.Notable ? row.NotableOrder ?? 0 : FoundingOrder, row.Id).ToString();

    /// <summary>
    /// The list narrowed by the public's filter and search, on published fields only: a country or an organisation
    /// that the letter keeps private must not be found out one name at a time by filtering or searching on it.
    /// </summary>
    static IQueryable<Signature> Filtered(PetitionDbContext db, Letter letter, SignatoryQuery query)
    {
        var signatures = db.Signatures.AsNoTracking().ListedOn(letter.Id);
        if (!string.IsNullOrWhiteSpace(query.Country) && letter.Fields.Country.Published)
        {
            var country = query.Country.Trim().ToUpperInvariant();
            signatures = signatures.Where(s => s.Country == country);
            // Those who gave their country before it was public are not found by it.
            if (letter.Fields.Country.PublicSince is { } since)
                signatures = signatures.Where(s => s.CreatedAt > since);
        }
        if (query.Signers is { } signers)
            signatures = signatures.Where(s => s.ForOrganisation == (signers == Signatories.Signers.Organizations));
        if (query.Section is { } section && letter.Fields.Category.Published)
            signatures = InSection(signatures, letter, section);
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

    /// <summary>
    /// A section's signatures, by the category column as the public sees it: the last section takes those with no
    /// category, with one the organiser has since removed, or with one given before the category was public.
    /// </summary>
    static IQueryable<Signature> InSection(IQueryable<Signature> signatures, Letter letter, Section section)
    {
        var since = letter.Fields.Category.PublicSince;
        if (section.Category is { } category)
            return since is { } t ? signatures.Where(s => s.Category == category && s.CreatedAt > t) : signatures.Where(s => s.Category == category);
        var named = letter.Categories;
        return since is { } before
            ? signatures.Where(s => s.Category == null || !named.Contains(s.Category) || s.CreatedAt <= before)
            : signatures.Where(s => s.Category == null || !named.Contains(s.Category));
    }

    const string LikeEscape = "\\";

    static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_");

}
