using MimeKit;

namespace Petition.Web.Email;

/// <summary>
/// Files an email carries that are made when it is sent, not stored with it in the outbox (a delivery pack's signed
/// PDF): the outbox keeps only which pack, and a file that cannot be made yet fails the attempt, to be retried.
/// </summary>
public interface IOutboxAttachments
{
    Task<IReadOnlyList<MimePart>> ForPackAsync(int packId, CancellationToken cancellationToken);
}
