using Microsoft.EntityFrameworkCore;
using Petition.Data;

namespace Petition.Web.Signatories;

/// <summary>
/// Tells PostgreSQL how to run a search of the public list, inside the transaction the caller opened: its planner
/// guesses the share of rows a <c>LIKE '%term%'</c> matches, and on the same million signatures it flipped between
/// runs from a 4 ms plan to an 800 ms one. What we know from counting the matches (up to 1,001) decides instead.
/// SET LOCAL ends with the transaction, so the connection goes back to the pool as it came. A switched-off kind of
/// step still runs where nothing else can (the small sort of the notable signatories), but its made-up cost would
/// make PostgreSQL compile the query with LLVM first (400 ms): jit is switched off with them.
/// </summary>
public static class SearchPlan
{
    /// <summary>The transaction a search runs in, its plan set through the trigram index to begin with.</summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(PetitionDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ThroughTrigramIndexAsync(db, cancellationToken);
        return transaction;
    }

    /// <summary>
    /// Through the trigram index (a bitmap scan of the matches): right for counting, and for a page of a rare term,
    /// where walking the list in order would read the whole letter to find a handful.
    /// </summary>
    public static Task ThroughTrigramIndexAsync(PetitionDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            "SET LOCAL jit = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off",
            cancellationToken);

    /// <summary>
    /// Along the list's own index, newest first, keeping the rows that match until the page is full: right for a
    /// common term (more than 1,000 matches), where the trigram index would fetch and sort every match.
    /// </summary>
    public static Task InListOrderAsync(PetitionDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            "SET LOCAL jit = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off",
            cancellationToken);
}
