using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Signatories;

namespace Petition.Web.Exports;

/// <summary>
/// The signatures an export holds, read as a stream: notable signatories first in the order moderators set, then
/// everyone else in the order they signed. Two plain ordered reads instead of one sort, so a million rows flow
/// from the database to the file without the database or the app holding them all.
/// </summary>
public static class ExportQuery
{
    public static IQueryable<Signature> Selected(this PetitionDbContext db, Letter letter, ExportScope scope, ExportFilter filter)
    {
        var now = db.GetService<TimeProvider>().GetUtcNow();
        var signatures = db.Signatures.AsNoTracking().Where(s => s.LetterId == letter.Id);
        // The public list is the published, listed names whatever state was asked for.
        if (scope == ExportScope.Public)
        {
            signatures = signatures.ListedOn(letter.Id);
            // Names held back by the organiser: the public file has no one in it until they are published.
            if (!letter.NamesPublicAt(now))
                signatures = signatures.Where(s => false);
            // A filter on a field made public later must not find, one by one, those who gave it as private.
            if (filter.Country is not null && letter.Fields.Country.PublicSince is { } countrySince)
                signatures = signatures.Where(s => s.CreatedAt > countrySince);
            if (filter.Category is not null && letter.Fields.Category.PublicSince is { } categorySince)
                signatures = signatures.Where(s => s.CreatedAt > categorySince);
        }
        // The organisers' scopes find sealed countries and categories too; the public one only what is public.
        signatures = signatures.Narrowed(filter, byState: scope != ExportScope.Public, DateOf(scope),
            scope == ExportScope.Public ? null : db.GetService<Petition.Data.Sealing.IPersonalDataSeal>());
        if (filter.Notable is { } notable)
            signatures = signatures.Where(s => s.Notable == notable);
        if (filter.Version is { } version)
            signatures = signatures.Where(s => s.LetterVersion == version);
        return signatures;
    }

    /// <summary>
    /// The public list's "Signed" column is the date a name was published, so its dates filter on that; the
    /// moderation and full lists show every date and filter on when the signature was made.
    /// </summary>
    public static FilterDate DateOf(ExportScope scope) => scope == ExportScope.Public ? FilterDate.Published : FilterDate.Signed;

    public static async IAsyncEnumerable<ExportRow> StreamAsync(this IQueryable<Signature> selected, ExportScope scope,
        Petition.Data.Sealing.IPersonalDataSeal seal, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var project = scope == ExportScope.Public ? (Func<IQueryable<Signature>, IAsyncEnumerable<ExportRow>>)ProjectPublic : s => Open(s, seal);
        var notable = selected.Where(s => s.Notable).OrderBy(s => s.NotableOrder ?? 0).ThenBy(s => s.Id);
        await foreach (var row in project(notable).WithCancellation(cancellationToken))
            yield return row;
        await foreach (var row in project(selected.Where(s => !s.Notable).OrderBy(s => s.Id)).WithCancellation(cancellationToken))
            yield return row;
    }

    /// <summary>
    /// Whole signatures, their sealed data opened here, one at a time. Projected rather than loaded as entities: EF
    /// Core materialises entities four times slower once a materialisation interceptor is registered (measured:
    /// 50,000 rows in 2.7 s against 0.65 s), and a million-row export would feel it.
    /// </summary>
    static async IAsyncEnumerable<ExportRow> Open(IQueryable<Signature> signatures, Petition.Data.Sealing.IPersonalDataSeal seal)
    {
        var rows = signatures.Select(s => new Signature
        {
            Id = s.Id, LetterVersion = s.LetterVersion, State = s.State, Source = s.Source, Name = s.Name, Title = s.Title,
            Organization = s.Organization, Category = s.Category, Country = s.Country, City = s.City, Comment = s.Comment,
            ListPublicly = s.ListPublicly, Visibility = s.Visibility, Verification = s.Verification, Notable = s.Notable, Hidden = s.Hidden, Language = s.Language,
            VerifiedDomain = s.VerifiedDomain, ShowVerifiedBadge = s.ShowVerifiedBadge, CreatedAt = s.CreatedAt,
            ConfirmedAt = s.ConfirmedAt, PublishedAt = s.PublishedAt, ModerationReason = s.ModerationReason,
            ModeratedBy = s.ModeratedBy, ModeratedAt = s.ModeratedAt, BlockedReason = s.BlockedReason,
            Unsubscribed = s.Unsubscribed, UpdatedAt = s.UpdatedAt, WithdrawnAt = s.WithdrawnAt,
            SealedEmail = s.SealedEmail, SealedDetails = s.SealedDetails, SealedRequest = s.SealedRequest,
            ForOrganisation = s.ForOrganisation, Website = s.Website, Founding = s.Founding,
        });
        // Read and opened (a chunk at a time, on every core) ahead of the file writer, a few chunks at most: the
        // writer's work, which grows with the row's width, overlaps the database's and the opening.
        using var stop = new CancellationTokenSource();
        var chunks = System.Threading.Channels.Channel.CreateBounded<List<Signature>>(4);
        var reading = Task.Run(async () =>
        {
            try
            {
                var chunk = new List<Signature>(OpenChunk);
                await foreach (var s in rows.AsAsyncEnumerable().WithCancellation(stop.Token))
                {
                    chunk.Add(s);
                    if (chunk.Count < OpenChunk)
                        continue;
                    Parallel.For(0, chunk.Count, i => Petition.Data.Sealing.SignatureStorage.Open(chunk[i], seal));
                    await chunks.Writer.WriteAsync(chunk, stop.Token);
                    chunk = new List<Signature>(OpenChunk);
                }
                Parallel.For(0, chunk.Count, i => Petition.Data.Sealing.SignatureStorage.Open(chunk[i], seal));
                await chunks.Writer.WriteAsync(chunk, stop.Token);
                chunks.Writer.Complete();
            }
            catch (Exception e)
            {
                chunks.Writer.Complete(e);
            }
        });
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync())
                foreach (var s in chunk)
                    yield return Row(s);
        }
        finally
        {
            // The reader uses the caller's context and transaction: it is over before they are.
            stop.Cancel();
            try { await reading; }
            catch (OperationCanceledException) { }
        }
    }

    const int OpenChunk = 512;

    static ExportRow Row(Signature s) =>
        new(s.Id, s.LetterVersion, s.State, s.Source, s.Name, s.Email, s.Title,
            s.Organization, s.Category, s.Country, s.City, s.Comment, s.ListPublicly, s.Notable, s.Hidden, s.Language,
            s.VerifiedDomain, s.ShowVerifiedBadge, s.CreatedAt, s.ConfirmedAt, s.PublishedAt, s.ModerationReason,
            s.ModeratedBy, s.ModeratedAt, s.BlockedReason, s.IpAddress, s.UserAgent, s.Unsubscribed, s.UpdatedAt,
            s.WithdrawnAt) {
                Visibility = s.ListPublicly ? s.Visibility : Visibility.Counted, Verification = s.Verification,
                ForOrganisation = s.ForOrganisation, Website = s.Website, Founding = s.Founding,
            };

    /// <summary>
    /// The public list reads only the clear columns, which hold nothing the letter does not publish
    /// (SignatureStorage); never an email, a sealed value or request data.
    /// </summary>
    static IAsyncEnumerable<ExportRow> ProjectPublic(IQueryable<Signature> signatures) =>
        signatures.Select(s => new ExportRow(s.Id, s.LetterVersion, s.State, s.Source, s.Name, "", s.Title,
            s.Organization, s.Category, s.Country, s.City, s.Comment, s.ListPublicly, s.Notable, s.Hidden, null,
            s.VerifiedDomain, s.ShowVerifiedBadge, s.CreatedAt, null, s.PublishedAt, null, null, null, null, null, null,
            false, null, null) { Verification = s.Verification, ForOrganisation = s.ForOrganisation, Website = s.Website, Founding = s.Founding })
            .AsAsyncEnumerable();
}
