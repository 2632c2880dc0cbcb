using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Abuse;
using Petition.Web.Email;
using Petition.Web.Front;
using Petition.Web.Observability;
using Petition.Web.Text;

namespace Petition.Web.Signing;

/// <summary>
/// Takes a signature in: checks what needs no database (the domain's rate, the block rules), then hands it to the
/// batcher, which stores it (or finds the one this address already made) and queues the email that tells the signer
/// what happened, and answers only once that is committed. The caller's answer is the same in every case.
/// </summary>
public class SigningService(
    SignatureBatcher batcher,
    OutboxSignal outbox,
    EmailDomainLimiter domainLimiter,
    BlockList blockList,
    PetitionMetrics metrics)
{
    /// <summary>Takes the signature in; false (with the wait) when its email domain has signed too often just now.</summary>
    public async Task<(bool Accepted, TimeSpan RetryAfter)> SignAsync(Letter letter, SignatureInput input, SignatureSource source,
        RequestInfo request, CancellationToken cancellationToken)
    {
        if (!domainLimiter.TryAcquire(input.Email!, out var retryAfter))
            return (false, retryAfter);
        var blocked = await blockList.ReasonToBlockAsync(input.Email!, request.IpAddress, cancellationToken);
        await batcher.WriteAsync(new PendingSignature(letter, input, EmailAddress.Canonicalize(input.Email!), source, request, blocked),
            cancellationToken);
        outbox.Notify();
        metrics.SignatureAccepted(source);
        return (true, TimeSpan.Zero);
    }
}
