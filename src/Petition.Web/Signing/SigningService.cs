using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Abuse;
using Petition.Web.Email;
using Petition.Web.Front;
using Petition.Web.Observability;

namespace Petition.Web.Signing;

/// <summary>
/// Takes a signature in: one short transaction that stores it (or finds the one this address already made) and
/// queues the email that tells the signer what happened. The caller's answer is the same in every case.
/// </summary>
public class SigningService(
    PetitionDbContext db,
    SignatureEmails emails,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<SigningOptions> options,
    EmailDomainLimiter domainLimiter,
    BlockList blockList,
    PetitionMetrics metrics,
    ILogger<SigningService> logger)
{
    /// <summary>Takes the signature in; false (with the wait) when its email domain has signed too often just now.</summary>
    public async Task<(bool Accepted, TimeSpan RetryAfter)> SignAsync(Letter letter, SignatureInput input, SignatureSource source,
        RequestInfo request, CancellationToken cancellationToken)
    {
        if (!domainLimiter.TryAcquire(input.Email!, out var retryAfter))
            return (false, retryAfter);
        var canonical = EmailAddress.Canonicalize(input.Email!);
        var blocked = await blockList.ReasonToBlockAsync(input.Email!, request.IpAddress, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Signatures
                .FirstOrDefaultAsync(s => s.LetterId == letter.Id && s.EmailCanonical == canonical, cancellationToken);
            if (existing is null)
                AddNew(letter, input, canonical, source, request, blocked);
            else
                SignAgain(letter, existing, input, request, blocked);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Two requests for one address raced and the unique index kept one; take the other path.
                db.ChangeTracker.Clear();
            }
        }
        outbox.Notify();
        metrics.SignatureAccepted(source);
        return (true, TimeSpan.Zero);
    }

    void AddNew(Letter letter, SignatureInput input, string canonical, SignatureSource source, RequestInfo request, string? blocked)
    {
        var now = time.GetUtcNow();
        var signature = new Signature
        {
            LetterId = letter.Id,
            LetterVersion = letter.Version,
            State = SignatureState.Unverified,
            Source = source,
            Name = "",
            Email = input.Email!.Trim(),
            EmailCanonical = canonical,
            CreatedAt = now,
            BlockedReason = blocked,
        };
        SignatureDetails.CopyFrom(letter, input, signature);
        Remember(request, signature);
        var token = IssueToken(signature, now);
        signature.EmailsSent = 1;
        db.Signatures.Add(signature);
        db.Outbox.Add(emails.Confirmation(letter, signature, token));
    }

    void SignAgain(Letter letter, Signature signature, SignatureInput input, RequestInfo request, string? blocked)
    {
        if (signature.EmailsSent >= options.Value.MaxEmailsPerSignature)
        {
            logger.LogInformation("Signature {Id} reached its email cap; no email sent", signature.Id);
            return;
        }
        signature.EmailsSent++;
        if (signature.State == SignatureState.Unverified)
        {
            // Not confirmed yet: the newest details win, and only the newest link works.
            signature.Email = input.Email!.Trim();
            signature.LetterVersion = letter.Version;
            signature.BlockedReason = blocked;
            SignatureDetails.CopyFrom(letter, input, signature);
            Remember(request, signature);
            var token = IssueToken(signature, time.GetUtcNow());
            db.Outbox.Add(emails.Confirmation(letter, signature, token));
        }
        else
        {
            db.Outbox.Add(emails.AlreadySigned(letter, signature));
        }
    }

    VerificationToken IssueToken(Signature signature, DateTimeOffset now)
    {
        var token = VerificationToken.Create();
        signature.ConfirmationTokenHash = token.Hash;
        signature.ConfirmationExpiresAt = now + options.Value.ConfirmationLifetime;
        return token;
    }

    static void Remember(RequestInfo request, Signature signature)
    {
        signature.IpAddress = request.IpAddress;
        signature.UserAgent = request.UserAgent;
        signature.NetworkHash = NetworkHash.Of(request.IpAddress);
        signature.Language = request.Language;
    }
}
