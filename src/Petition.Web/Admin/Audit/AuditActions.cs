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
    public const string LetterCreated = "letter.created";
    public const string LetterUpdated = "letter.updated";
    public const string LetterTranslated = "letter.translated";
    public const string LetterTranslationRemoved = "letter.translation-removed";
    public const string AccountInvited = "account.invited";
    public const string AccountInvitationAccepted = "account.invitation-accepted";
    public const string AccountRevoked = "account.revoked";
    public const string AccountTwoFactorEnabled = "account.two-factor-enabled";
    public const string AccountRecoveryCodesRenewed = "account.recovery-codes-renewed";

    public static readonly IReadOnlyList<string> All =
    [
        SignatureApproved, SignatureRejected, SignatureMarkedNotable, SignatureUnmarkedNotable, SignatureHidden,
        SignatureShown, SignatureCorrected, SignatureChecked, SignatureUnchecked, SignatureErased, SignatureEmailRevealed, SignaturesExported, SignaturesImported, ListSealed, WatchedNameAdded, WatchedNameRemoved, SignatureDisowned, LetterCreated,
        LetterUpdated, LetterTranslated, LetterTranslationRemoved, AccountInvited,
        AccountInvitationAccepted, AccountRevoked, AccountTwoFactorEnabled, AccountRecoveryCodesRenewed,
    ];
}
