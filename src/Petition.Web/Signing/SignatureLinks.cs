using Microsoft.Extensions.Options;
using Petition.Data.Signatures;

namespace Petition.Web.Signing;

/// <summary>The links of an email that asks a signer to confirm: the confirmation and the private manage link.</summary>
public readonly record struct ConfirmationLinks(VerificationToken Confirm, VerificationToken Manage);

/// <summary>
/// Every link a signer is sent is issued here: a token whose hash goes on the signature and whose value goes only
/// into the email, so the link exists nowhere but in the signer's inbox. An email builder
/// (<see cref="SignatureEmails"/>) is handed the values and issues none, so no write depends on the order in which an
/// email was composed.
/// </summary>
public sealed class SignatureLinks(IOptions<SigningOptions> options, TimeProvider time)
{
    /// <summary>A new signature's first email: its confirmation link, kept on the signature itself, and a manage link.</summary>
    public ConfirmationLinks First(Signature signature)
    {
        var confirm = VerificationToken.Create();
        signature.ConfirmationTokenHash = confirm.Hash;
        signature.ConfirmationExpiresAt = time.GetUtcNow() + options.Value.ConfirmationLifetime;
        signature.EmailsSent = 1;
        return new(confirm, Manage(signature));
    }

    /// <summary>
    /// An unconfirmed address signing again: a further confirmation link bound to this attempt's details (the earlier
    /// links keep confirming theirs, see <see cref="SignAttempt"/>), and a manage link.
    /// </summary>
    public ConfirmationLinks Again(Signature signature, SignAttempt attempt, string network)
    {
        var now = time.GetUtcNow();
        var confirm = VerificationToken.Create();
        signature.Tokens.Add(new SignatureToken
        {
            Purpose = TokenPurpose.Confirm, Hash = confirm.Hash, CreatedAt = now,
            ExpiresAt = now + options.Value.ConfirmationLifetime, Details = attempt.ToJson(), NetworkHash = network,
        });
        return new(confirm, Manage(signature));
    }

    /// <summary>A fresh private link to see, correct or withdraw the signature: every email to a signer ends with one.</summary>
    public VerificationToken Manage(Signature signature) => Issue(signature, TokenPurpose.Manage);

    /// <summary>
    /// A link that only stops updates, for an update's List-Unsubscribe header and its unsubscribe line: a header is
    /// read by more hands than the body, so it must not carry the manage link.
    /// </summary>
    public VerificationToken Unsubscribe(Signature signature) => Issue(signature, TokenPurpose.Unsubscribe);

    VerificationToken Issue(Signature signature, TokenPurpose purpose)
    {
        var now = time.GetUtcNow();
        var token = VerificationToken.Create();
        signature.Tokens.Add(new SignatureToken
        {
            Purpose = purpose,
            Hash = token.Hash,
            CreatedAt = now,
            ExpiresAt = now + options.Value.ManageLinkLifetime,
        });
        return token;
    }
}
