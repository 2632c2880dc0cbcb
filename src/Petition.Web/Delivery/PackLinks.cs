using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Recipients;
using Petition.Web.Letters;
using Petition.Web.Seals;
using Petition.Web.Signing;

namespace Petition.Web.Delivery;

/// <summary>What a pack link leads to: the pack, or why it leads nowhere (unknown, expired, revoked).</summary>
public record PackVisit(PackLinkState State, DeliveryPack? Pack = null, Data.Recipients.Delivery? Delivery = null,
    Recipient? Recipient = null, Letter? Letter = null, SealMark? Seal = null);

/// <summary>Withdrawn: the letter is no longer public (sent back to draft), so neither are its packs.</summary>
public enum PackLinkState { Open, Unknown, Expired, Revoked, Withdrawn }

/// <summary>
/// Opens a pack by the token in its link (found by its hash), and counts the visit: page views and downloads are
/// counted in the database by one statement each, so every instance adds to the same count.
/// </summary>
public class PackLinks(PetitionDbContext db, TimeProvider time)
{
    public async Task<PackVisit> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!VerificationToken.LooksValid(token))
            return new PackVisit(PackLinkState.Unknown);
        var hash = VerificationToken.HashOf(token);
        return await VisitAsync(await db.DeliveryPacks.AsNoTracking().FirstOrDefaultAsync(p => p.TokenHash == hash, cancellationToken),
            cancellationToken);
    }

    /// <summary>A pack by its id, under the same rules as its link: the attachment of its cover email (PackAttachment).</summary>
    public async Task<PackVisit> FindAsync(int packId, CancellationToken cancellationToken) =>
        await VisitAsync(await db.DeliveryPacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packId, cancellationToken), cancellationToken);

    async Task<PackVisit> VisitAsync(DeliveryPack? pack, CancellationToken cancellationToken)
    {
        if (pack is null)
            return new PackVisit(PackLinkState.Unknown);
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == pack.DeliveryId, cancellationToken);
        if (pack.RevokedAt is not null)
            return new PackVisit(PackLinkState.Revoked, Delivery: delivery);
        if (time.GetUtcNow() >= delivery.LinksExpireAt)
            return new PackVisit(PackLinkState.Expired, Delivery: delivery);
        var recipient = await db.Recipients.AsNoTracking().SingleAsync(r => r.Id == pack.RecipientId, cancellationToken);
        // The public list's own rule: a letter taken back from the public takes its packs with it, every link at once.
        var letter = await db.Letters.AsNoTracking().Include(l => l.Translations).Where(LetterQueries.IsPublicAt(time.GetUtcNow()))
            .SingleOrDefaultAsync(l => l.Id == delivery.LetterId, cancellationToken);
        if (letter is null)
            return new PackVisit(PackLinkState.Withdrawn, Delivery: delivery);
        // The seal made for this delivery: the newest one made before it (a delivery seals the list first).
        var seal = await db.ListSeals.AsNoTracking()
            .Where(s => s.LetterId == delivery.LetterId && s.SealedAt <= delivery.CreatedAt)
            .OrderByDescending(s => s.Number).Select(s => new { s.Number, s.Size, s.Root }).FirstOrDefaultAsync(cancellationToken);
        return new PackVisit(PackLinkState.Open, pack, delivery, recipient, letter,
            seal is null ? null : new SealMark(seal.Number, seal.Size, Convert.ToHexStringLower(seal.Root)));
    }

    /// <summary>The organisers' contact for a link that leads nowhere, when the delivery is known.</summary>
    public async Task<string?> ContactAsync(Data.Recipients.Delivery? delivery, CancellationToken cancellationToken) =>
        delivery is null ? null : await db.Letters.Where(l => l.Id == delivery.LetterId).Select(l => l.Organiser.Email).SingleAsync(cancellationToken);

    public Task CountViewAsync(DeliveryPack pack, CancellationToken cancellationToken) =>
        db.DeliveryPacks.Where(p => p.Id == pack.Id).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.Views, x => x.Views + 1).SetProperty(x => x.LastOpenedAt, time.GetUtcNow()), cancellationToken);

    public Task CountDownloadAsync(DeliveryPack pack, CancellationToken cancellationToken) =>
        db.DeliveryPacks.Where(p => p.Id == pack.Id).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.Downloads, x => x.Downloads + 1).SetProperty(x => x.LastOpenedAt, time.GetUtcNow()), cancellationToken);
}
