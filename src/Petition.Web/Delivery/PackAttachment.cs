using MimeKit;
using Petition.Web.Email;
using Petition.Web.Exports;

namespace Petition.Web.Delivery;

/// <summary>
/// The signed PDF of a pack, attached to its cover email when the organisers chose so: the same file as the pack's
/// link serves (the list at delivery, in the recipient's language), with its signature beside it, so a mission that
/// never opens links holds the list and can check it with the key named in the email. A pack revoked or expired
/// before the email leaves gets no attachment; a file past <see cref="MaxBytes"/> stays behind its link, since many
/// mail servers refuse larger messages.
/// </summary>
public sealed class PackAttachment(PackLinks links, PublicExportFiles exports, ILogger<PackAttachment> logger) : IOutboxAttachments
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<IReadOnlyList<MimePart>> ForPackAsync(int packId, CancellationToken cancellationToken)
    {
        var visit = await links.FindAsync(packId, cancellationToken);
        if (visit.State != PackLinkState.Open)
            return [];
        var request = new ExportRequest(visit.Letter!, ExportScope.Public, ExportFormat.Pdf, PackFiles.AtDelivery(visit), visit.Recipient!.Language);
        await using var file = await exports.OpenAsync(request, cancellationToken) ?? throw new ExportsBusyException();
        if (await file.ReadAllAsync(MaxBytes, cancellationToken) is not { } pdf)
        {
            logger.LogWarning("The PDF of pack {Pack} is over {Max} bytes: its cover email goes with the link alone", packId, MaxBytes);
            return [];
        }
        return [Part(file.FileName, "application/pdf", pdf), Part(file.FileName + ".sig", "application/octet-stream", file.Signature)];
    }

    static MimePart Part(string name, string mediaType, byte[] content) => new(mediaType)
    {
        Content = new MimeContent(new MemoryStream(content)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = name,
    };
}
