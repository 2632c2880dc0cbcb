namespace Petition.Web.Admin.Audit;

/// <summary>The names of what an admin or moderator can do, as the audit log spells them.</summary>
public static class AuditActions
{
    public const string SignatureApproved = "signature.approved";
    public const string SignatureRejected = "signature.rejected";
    public const string SignatureMarkedNotable = "signature.marked-notable";
    public const string SignatureUnmarkedNotable = "signature.unmarked-notable";
    public const string SignatureHidden = "signature.hidden";
    public const string SignatureShown = "signature.shown";
    public const string SignatureCorrected = "signature.corrected";
    public const string SignatureChecked = "signature.checked";
    public const string SignatureUnchecked = "signature.unchecked";
    public const string SignatureErased = "signature.erased";
    public const string SignatureEmailRevealed = "signature.email-revealed";
    public const string SignaturesExported = "signatures.exported";
    public const string SignaturesImported = "signatures.imported";
    public const string ListSealed = "list.sealed";
    public const string WatchedNameAdded = "watch-list.added";
    public const string WatchedNameRemoved = "watch-list.removed";
    public const string SignatureDisowned = "signature.disowned";
    public const string RecipientAdded = "recipient.added";
    public const string RecipientUpdated = "recipient.updated";
    public const string RecipientRemoved = "recipient.removed";
    public const string RecipientsImported = "recipients.imported";
    public const string RecipientAnswerRecorded = "recipient.answer-recorded";
    public const string LetterDelivered = "letter.delivered";
    public const string PackRevoked = "delivery.pack-revoked";
    public const string PackFailed = "delivery.pack-failed";
    public const string PackAcknowledged = "delivery.pack-acknowledged";
    public const string DirectoryEntryAdded = "directory.added";
    public const string DirectoryEntryRemoved = "directory.removed";
    public const string DirectoryImported = "directory.imported";
    public const string LetterCreated = "letter.created";
    public const string LetterUpdated = "letter.updated";
    public const string LetterTranslated = "letter.translated";
    public const string LetterTranslationRemoved = "letter.translation-removed";
    public const string AccountInvited = "account.invited";
    public const string AccountInvitationAccepted = "account.invitation-accepted";
    public const string AccountRevoked = "account.revoked";
    public const string AccountTwoFactorEnabled = "account.two-factor-enabled";
    public const string AccountRecoveryCodesRenewed = "account.recovery-codes-renewed";
    public const string UpdatePosted = "update.posted";
    public const string UpdatePaused = "update.paused";
    public const string UpdateResumed = "update.resumed";
    public const string VersionNoticeQueued = "letter.version-notice";
    public const string LetterClosed = "letter.closed";
    public const string MilestoneReached = "letter.milestone-reached";

    public static readonly IReadOnlyList<string> All =
    [
        SignatureApproved, SignatureRejected, SignatureMarkedNotable, SignatureUnmarkedNotable, SignatureHidden,
        SignatureShown, SignatureCorrected, SignatureChecked, SignatureUnchecked, SignatureErased, SignatureEmailRevealed, SignaturesExported, SignaturesImported, ListSealed, WatchedNameAdded, WatchedNameRemoved, SignatureDisowned,
        RecipientAdded, RecipientUpdated, RecipientRemoved, RecipientsImported, RecipientAnswerRecorded, LetterDelivered,
        PackRevoked, PackFailed, PackAcknowledged, DirectoryEntryAdded,
        DirectoryEntryRemoved, DirectoryImported, LetterCreated,
        LetterUpdated, LetterTranslated, LetterTranslationRemoved, AccountInvited,
        AccountInvitationAccepted, AccountRevoked, AccountTwoFactorEnabled, AccountRecoveryCodesRenewed,
        UpdatePosted, UpdatePaused, UpdateResumed, VersionNoticeQueued, LetterClosed, MilestoneReached,
    ];
}
