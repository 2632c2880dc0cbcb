using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Abuse;

namespace Petition.Web.Signing;

/// <summary>A signature waiting to be written, with everything decided about it before the write.</summary>
public record PendingSignature(Letter Letter, SignatureInput Input, string Canonical, SignatureSource Source,
    RequestInfo Request, string? Blocked);

/// <summary>
/// Writes a batch of signatures in one transaction: one query finds the addresses that signed before, then each
/// is stored (or answered with an email) and its email queued, and one commit makes them all durable together.
/// </summary>
public class SignatureWriter(
    PetitionDbContext db,
    SignatureEmails emails,
    TimeProvider time,
    IOptions<SigningOptions> options,
    ILogger<SignatureWriter> logger)
{
    public async Task WriteAsync(IReadOnlyList<PendingSignature> batch, CancellationToken cancellationToken)
    {
        var letterIds = batch.Select(p => p.Letter.Id).Distinct().ToList();
        var canonicals = batch.Select(p => p.Canonical).Distinct().ToList();
        var known = await db.Signatures
            .Where(s => letterIds.Contains(s.LetterId) && canonicals.Contains(s.EmailCanonical))
            .ToDictionaryAsync(s => (s.LetterId, s.EmailCanonical), cancellationToken);
        foreach (var pending in batch)
        {
            var key = (pending.Letter.Id, pending.Canonical);
            if (known.TryGetValue(key, out var existing))
                SignAgain(pending.Letter, existing, pending.Input, pending.Request, pending.Blocked);
            else
                known[key] = AddNew(pending.Letter, pending.Input, pending.Canonical, pending.Source, pending.Request, pending.Blocked);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    Signature AddNew(Letter letter, SignatureInput input, string canonical, SignatureSource source, RequestInfo request, string? blocked)
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
        return signature;
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
