using System.Linq.Expressions;

namespace Petition.Data.Signatures;

/// <summary>What a move did: whether it happened, and whether what the public sees of the letter changed with it.</summary>
public readonly record struct Moved(bool Done, bool PublicViewChanged)
{
    public static readonly Moved Refused = new(false, false);
}

/// <summary>
/// The signature's states and the only moves between them; every path (confirmation, moderation, the manage link,
/// withdrawal, import) goes through the named moves here. The rule they all keep: a signature is published only once
/// its owner confirmed it from their email, or the organiser imported it as confirmed (<see cref="Signature.ConfirmedAt"/>
/// is set in both cases, and the audit says which).
/// </summary>
public static class SignatureLifecycle
{
    /// <summary>Whether a signature in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool Allows(SignatureState from, SignatureState to, bool confirmed) => (from, to) switch
    {
        (_, SignatureState.Published) when !confirmed => false,
        (SignatureState.Unverified, SignatureState.AwaitingReview or SignatureState.Published or SignatureState.Rejected) => true,
        (SignatureState.AwaitingReview, SignatureState.Published or SignatureState.Rejected) => true,
        (SignatureState.Published, SignatureState.Rejected or SignatureState.AwaitingReview) => true,
        (SignatureState.Rejected, SignatureState.Published) => true,
        (not SignatureState.Withdrawn, SignatureState.Withdrawn) => true,
        _ => false,
    };

    /// <summary>The same rule as a query, for bulk moves: the rows a move to <paramref name="to"/> may take.</summary>
    public static Expression<Func<Signature, bool>> CanBecome(SignatureState to) => to switch
    {
        SignatureState.Published => s => s.ConfirmedAt != null
            && (s.State == SignatureState.Unverified || s.State == SignatureState.AwaitingReview || s.State == SignatureState.Rejected),
        SignatureState.Rejected => s => s.State == SignatureState.Unverified || s.State == SignatureState.AwaitingReview || s.State == SignatureState.Published,
        SignatureState.AwaitingReview => s => s.State == SignatureState.Unverified || s.State == SignatureState.Published,
        SignatureState.Withdrawn => s => s.State != SignatureState.Withdrawn,
        _ => s => false,
    };

    /// <summary>The owner confirmed from their email: published, held for review, or rejected by a block rule.</summary>
    public static Moved Confirm(this Signature signature, bool preModerated, string? blockedReason, DateTimeOffset now)
    {
        if (signature.State != SignatureState.Unverified)
            return Moved.Refused;
        signature.ConfirmedAt = now;
        if (blockedReason is not null)
        {
            // The signer is told what everyone is told; the list never shows the name. Moderators see why.
            signature.ModerationReason = $"Blocked: {blockedReason}";
            return signature.MoveTo(SignatureState.Rejected, now);
        }
        return signature.MoveTo(preModerated ? SignatureState.AwaitingReview : SignatureState.Published, now);
    }

    /// <summary>A moderator publishes a confirmed signature; refused for one its owner never confirmed.</summary>
    public static Moved Approve(this Signature signature, string moderator, DateTimeOffset now)
    {
        var moved = signature.MoveTo(SignatureState.Published, now);
        if (moved.Done)
            Moderated(signature, moderator, reason: null, now);
        return moved;
    }

    public static Moved Reject(this Signature signature, string moderator, string? reason, DateTimeOffset now)
    {
        var moved = signature.MoveTo(SignatureState.Rejected, now);
        if (moved.Done)
            Moderated(signature, moderator, reason, now);
        return moved;
    }

    /// <summary>A published signature whose details changed waits for a moderator again.</summary>
    public static Moved SendBackToReview(this Signature signature, DateTimeOffset now)
    {
        if (signature.State != SignatureState.Published)
            return Moved.Refused;
        var moved = signature.MoveTo(SignatureState.AwaitingReview, now);
        signature.PublishedAt = null;
        return moved;
    }

    /// <summary>An imported line the organiser vouches for: confirmed and published at once, the audit says by whom.</summary>
    public static Moved PublishAsConfirmedByOrganiser(this Signature signature, string organiser, string source, DateTimeOffset now)
    {
        if (signature.State != SignatureState.Unverified || signature.Id != 0)
            return Moved.Refused; // only a line being imported, never a stored signature
        signature.ConfirmedAt = now;
        var moved = signature.MoveTo(SignatureState.Published, now);
        Moderated(signature, organiser, $"Confirmed by the organiser on import ({source})", now);
        return moved;
    }

    /// <summary>The state change itself; the only place that assigns <see cref="Signature.State"/> after creation.</summary>
    public static Moved MoveTo(this Signature signature, SignatureState to, DateTimeOffset now)
    {
        var from = signature.State;
        if (!Allows(from, to, signature.ConfirmedAt is not null))
            return Moved.Refused;
        signature.State = to;
        signature.UpdatedAt = now;
        if (to == SignatureState.Published)
            signature.PublishedAt ??= now;
        return new Moved(true, from == SignatureState.Published || to == SignatureState.Published);
    }

    static void Moderated(Signature signature, string moderator, string? reason, DateTimeOffset now)
    {
        signature.ModerationReason = reason;
        signature.ModeratedBy = moderator;
        signature.ModeratedAt = now;
    }
}
