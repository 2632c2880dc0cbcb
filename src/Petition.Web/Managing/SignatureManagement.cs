using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Audit;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Managing;

/// <summary>What a signer can do with the private link in their emails: look, correct, unsubscribe, withdraw.</summary>
public class SignatureManagement(PetitionDbContext db, SignatureErasure erasure, PublicView publicView, Abuse.WatchList watchList,
    ConfirmStep confirmStep, TimeProvider time)
{
    /// <summary>The signature a live manage link points to, or null for an unknown, expired or withdrawn one.</summary>
    public Task<Signature?> FindAsync(string token, CancellationToken cancellationToken) =>
        FindAsync(token, TokenPurpose.Manage, TokenPurpose.Manage, cancellationToken);

    /// <summary>
    /// The signature an unsubscribe link stops updates for: its own kind of link, or a manage link (updates sent
    /// before unsubscribe links had their own carried that one, and a manage link may do more anyway).
    /// </summary>
    public Task<Signature?> FindToUnsubscribeAsync(string token, CancellationToken cancellationToken) =>
        FindAsync(token, TokenPurpose.Unsubscribe, TokenPurpose.Manage, cancellationToken);

    async Task<Signature?> FindAsync(string token, TokenPurpose purpose, TokenPurpose orPurpose, CancellationToken cancellationToken)
    {
        if (!VerificationToken.LooksValid(token))
            return null;
        var hash = VerificationToken.HashOf(token);
        var now = time.GetUtcNow();
        return await db.Signatures.Include(s => s.Letter).ThenInclude(l => l.Translations)
            .Where(s => s.State != SignatureState.Withdrawn)
            .FirstOrDefaultAsync(s => s.Tokens.Any(t => t.Hash == hash && (t.Purpose == purpose || t.Purpose == orPurpose) && t.ExpiresAt > now),
                cancellationToken);
    }

    /// <summary>
    /// Applies the signer's corrections. A published signature whose details changed goes back to review when
    /// <see cref="NeedsReviewAfterChange"/> says so.
    /// </summary>
    public async Task CorrectAsync(Signature signature, SignatureInput input, string? ipAddress, CancellationToken cancellationToken)
    {
        var before = Snapshot(signature);
        var detailsBefore = Reviewed(signature);
        var wantedUpdates = signature.GetsUpdates;
        SignatureDetails.CopyFrom(signature.Letter, input, signature);
        // Ticking the box again after stopping emails is asking for them again.
        if (signature.WantsUpdates && !wantedUpdates)
            signature.Unsubscribed = false;
        signature.UpdatedAt = time.GetUtcNow();
        // How visible the signer is takes effect at once: moderators reviewed the details, not the level.
        if (detailsBefore != Reviewed(signature))
        {
            // Renaming into a watched name is held the way signing in it is, on a letter that publishes at once too;
            // and a badge vouches for the name it was earned under: another organisation's name or website is
            // judged again, as at confirmation (an unconfirmed signature is judged when it is confirmed).
            var review = NeedsReviewAfterChange(signature);
            var held = signature.ConfirmedAt is not null
                ? await confirmStep.JudgeAsync(signature, cancellationToken)
                : await watchList.HoldReasonAsync(signature, cancellationToken);
            if ((held is not null || review) && signature.SendBackToReview(signature.UpdatedAt.Value).Done)
                signature.ModerationReason = held;
        }
        // No address recorded: the signer's request data lives only sealed on the signature, and only for a while.
        Record(signature, "signature.corrected", ipAddress: null, before, Snapshot(signature));
        await db.SaveChangesAsync(cancellationToken);
        publicView.Changed(signature.LetterId);
    }

    /// <summary>
    /// A moderator sees every name published on a pre-moderated letter, and every change to a notable, verified or
    /// checked signature on any letter: a "laureate" listed first must not rename himself into someone else, nor a
    /// signature the organisers checked carry their check to another name.
    /// </summary>
    static bool NeedsReviewAfterChange(Signature signature) =>
        signature.Letter.ModerationMode == ModerationMode.Pre || signature.Notable || signature.VerifiedDomain is not null
        || signature.CheckedNote is not null;

    public async Task UnsubscribeAsync(Signature signature, CancellationToken cancellationToken)
    {
        signature.Unsubscribed = true;
        signature.WantsUpdates = false;
        signature.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Erases everything personal at once. The row stays, Withdrawn and empty, so the letter's history adds up;
    /// its audit entry names no one, and the address's withdrawal record keeps imports from adding it back.
    /// </summary>
    /// <param name="disowned">
    /// The owner of the address said they never signed ("This was not me"): the same erasure, recorded as
    /// <c>signature.disowned</c> so the organisers see that someone signed in another's name.
    /// </param>
    public async Task WithdrawAsync(Signature signature, CancellationToken cancellationToken, bool disowned = false)
    {
        var previous = signature.State;
        // No address recorded: after a withdrawal nothing should lead back to the signer.
        await erasure.EraseAsync(signature, () => Record(signature, disowned ? Admin.Audit.AuditActions.SignatureDisowned : "signature.withdrawn", ipAddress: null,
            before: JsonSerializer.Serialize(new { state = previous.ToString() }),
            after: JsonSerializer.Serialize(new { state = signature.State.ToString() })), cancellationToken);
        publicView.Changed(signature.LetterId);
    }

    /// <summary>Everything held about the signer, as they can download it.</summary>
    public static object Export(Signature signature) => new
    {
        letter = new { signature.Letter.Slug, signature.Letter.Title, versionSigned = signature.LetterVersion },
        state = signature.State.ToString(),
        signature.Name,
        signature.Email,
        signature.Title,
        signature.Organization,
        signature.Category,
        signature.Country,
        signature.City,
        signature.Comment,
        signature.ListPublicly,
        visibility = signature.Visibility.Word(),
        signature.Hidden,
        signature.Notable,
        signature.VerifiedDomain,
        signature.ShowVerifiedBadge,
        signature.Language,
        source = signature.Source.ToString(),
        signature.CreatedAt,
        signature.ConfirmedAt,
        signature.PublishedAt,
        signature.UpdatedAt,
        signature.Unsubscribed,
        signature.WantsUpdates,
        requestData = new { signature.IpAddress, signature.UserAgent },
        signature.ModerationReason,
    };

    void Record(Signature signature, string action, string? ipAddress, string before, string after) =>
        db.Audit.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = "signer",
            Action = action,
            LetterId = signature.LetterId,
            SignatureId = signature.Id,
            Before = before,
            After = after,
            IpAddress = ipAddress,
        });

    static string Snapshot(Signature s) => JsonSerializer.Serialize(new
    {
        s.Name, s.Title, s.Organization, s.Category, s.Country, s.City, s.Comment, s.ListPublicly,
        visibility = s.Visibility.Word(), state = s.State.ToString(),
    });

    /// <summary>What a moderator reviews: the details, without how visible the signer chose to be.</summary>
    static string Reviewed(Signature s) => JsonSerializer.Serialize(new { s.Name, s.Title, s.Organization, s.Website, s.Category, s.Country, s.City, s.Comment });
}
