using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Recipients;
using Petition.Web.Admin.Audit;
using Petition.Web.Email;
using Petition.Web.Letters;
using Petition.Web.Seals;
using Petition.Web.Signing;

namespace Petition.Web.Delivery;

/// <summary>
/// Delivers a letter to its recipients and keeps the log: every pack and every cover email of a delivery are written
/// in one transaction with its audit entry, so the outbox sends each exactly once (claimed row by row, retried,
/// whichever instance); the form's request id makes a second post of the same form deliver nothing more. The list is
/// sealed first, so every pack and cover email names the root the delivered list can be checked against.
/// </summary>
public class LetterDelivery(PetitionDbContext db, AuditTrail audit, PublicView publicView, CoverEmail cover,
    ListSealing sealing, OutboxSignal outbox, TimeProvider time)
{
    public const int DefaultLinkDays = 60;

    public async Task<Data.Recipients.Delivery> DeliverAsync(Letter letter, IReadOnlyCollection<int> recipientIds, Guid requestId,
        string? note, int linkDays, CancellationToken cancellationToken, bool attachPdf = false)
    {
        if (await DoneAsync(letter.Id, requestId, cancellationToken) is { } done)
            return done;
        var seal = await sealing.SealAsync(letter, audit.ActorName, cancellationToken, unlessSealedAsIs: true);
        var mark = new SealMark(seal.Number, seal.Size, Convert.ToHexStringLower(seal.Root));
        var recipients = await db.Recipients.AsNoTracking().Where(r => r.LetterId == letter.Id && recipientIds.Contains(r.Id))
            .OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var delivery = new Data.Recipients.Delivery
        {
            LetterId = letter.Id, RequestId = requestId, CreatedAt = now, CreatedBy = audit.ActorName,
            Number = (await db.Deliveries.Where(d => d.LetterId == letter.Id).MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0) + 1,
            // The count the seal holds, the one the cover email quotes: not the cached counter's, seconds older or newer.
            SignatureCount = seal.Size,
            LinksExpireAt = now.AddDays(linkDays), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), AttachPdf = attachPdf,
        };
        var mail = new List<(DeliveryPack Pack, List<OutboxMessage> Messages)>();
        foreach (var recipient in recipients)
        {
            var token = VerificationToken.Create();
            var pack = new DeliveryPack { RecipientId = recipient.Id, TokenHash = token.Hash };
            delivery.Packs.Add(pack);
            var messages = recipient.Emails.Select(address => cover.Message(letter, recipient, delivery, cover.PackLink(token.Value), mark, address)).ToList();
            db.Outbox.AddRange(messages);
            mail.Add((pack, messages));
        }
        db.Deliveries.Add(delivery);
        audit.Record(AuditActions.LetterDelivered, letter.Id,
            after: new { delivery.Number, delivery.AttachPdf, seal = seal.Number, recipients = recipients.Count, emails = mail.Sum(m => m.Messages.Count), delivery.SignatureCount, delivery.LinksExpireAt });
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // The ids exist once saved: the log finds each pack's emails by theirs, an attachment its pack by its own.
            foreach (var (pack, messages) in mail)
            {
                pack.MessageIds = messages.Select(m => m.Id).ToList();
                if (attachPdf)
                    messages.ForEach(m => m.AttachPackId = pack.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Rolled back by now. The same form, delivered by another request a moment ago: that delivery is this one.
            var raced = await DoneAsync(letter.Id, requestId, CancellationToken.None);
            if (raced is null)
                throw;
            return raced;
        }
        outbox.Notify();
        publicView.Changed(letter.Id);
        return delivery;
    }

    Task<Data.Recipients.Delivery?> DoneAsync(int letterId, Guid requestId, CancellationToken cancellationToken) =>
        db.Deliveries.AsNoTracking().Include(d => d.Packs)
            .FirstOrDefaultAsync(d => d.LetterId == letterId && d.RequestId == requestId, cancellationToken);

    /// <summary>Revokes a pack's link, marks it failed (a bounce), or records the recipient's acknowledgement; audited.</summary>
    public async Task UpdatePackAsync(int letterId, DeliveryPack pack, PackAction action, string? text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var clean = string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)];
        switch (action)
        {
            case PackAction.Revoke: pack.RevokedAt ??= now; break;
            case PackAction.MarkFailed: (pack.FailedAt, pack.FailureNote) = (now, clean); break;
            case PackAction.Acknowledge: (pack.AcknowledgedAt, pack.Reference) = (now, clean); break;
        }
        audit.Record(action switch
        {
            PackAction.Revoke => AuditActions.PackRevoked,
            PackAction.MarkFailed => AuditActions.PackFailed,
            _ => AuditActions.PackAcknowledged,
        }, letterId, after: new { pack.Id, pack.RecipientId, text = clean });
        await db.SaveChangesAsync(cancellationToken);
    }
}

public enum PackAction { Revoke, MarkFailed, Acknowledge }
