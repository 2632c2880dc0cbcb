using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Recipients;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Seals;
using Petition.Web.Site;

namespace Petition.Web.Delivery;

/// <summary>
/// The email that carries a recipient's pack: in the recipient's language where the site speaks it (else English),
/// the letter's title as translated, the count at delivery, the private link and its expiry, and the organisers' note.
/// Plain text, from the site's address in the organiser's name, replies to the organiser. No pixel; the signed PDF
/// attached only when the organisers chose so (<see cref="PackAttachment"/>).
/// </summary>
public class CoverEmail(IOptions<SiteOptions> site, IStringLocalizer<SiteText> t)
{
    public (string Subject, string Body) Compose(Letter letter, Addressee recipient, Data.Recipients.Delivery delivery, string link, SealMark? seal)
    {
        using var _ = SiteLanguages.Use(recipient.Language);
        var title = LetterText.Of(letter, recipient.Language).Title;
        var from = letter.Organiser.Name is { Length: > 0 } organiser ? organiser : site.Value.Name;
        var text = new StringBuilder()
            .AppendLine(t["Hello {0},", recipient.Name])
            .AppendLine()
            .AppendLine(t["{0} delivers to you the open letter \"{1}\".", from, title])
            .AppendLine(t["Signatures counted on {0}: {1}", LetterDates.Long(delivery.CreatedAt), delivery.SignatureCount.ToString("N0")])
            .AppendLine()
            .AppendLine(t["The letter, the list of its signatories (PDF and CSV, each signed by the site's key) and how to check them:"])
            .AppendLine(link)
            .AppendLine(t["This link is for you alone and works until {0}.", LetterDates.Long(delivery.LinksExpireAt)]);
        if (delivery.AttachPdf)
            text.AppendLine(t["The signed PDF of the list is also attached to this email, with its signature file (.sig)."]);
        if (seal is not null)
            text.AppendLine()
                .AppendLine(t["At delivery the list was sealed: seal {0}, over {1} signatures, with the root below. Any signatory can check that their signature is in it.", seal.Number, seal.Size.ToString("N0")])
                .AppendLine(seal.Root)
                .AppendLine(site.Value.Link(SealLinks.Statement(letter.Slug, seal.Number)));
        if (delivery.Note is { Length: > 0 } note)
            text.AppendLine().AppendLine(t["A note from the organisers:"]).AppendLine(note);
        if (letter.Organiser.Email is { Length: > 0 })
            text.AppendLine().AppendLine(t["Replies to this email reach the organisers."]);
        return (t["Open letter delivered to you: {0}", title], text.ToString());
    }

    public OutboxMessage Message(Letter letter, Recipient recipient, Data.Recipients.Delivery delivery, string link, SealMark seal, string address)
    {
        var (subject, body) = Compose(letter, recipient, delivery, link, seal);
        return new OutboxMessage
        {
            ToAddress = address, ToName = recipient.Name, Subject = subject, TextBody = body,
            FromName = letter.Organiser.Name, ReplyTo = letter.Organiser.Email,
            CreatedAt = delivery.CreatedAt, NextAttemptAt = delivery.CreatedAt,
        };
    }

    public string PackLink(string token) => site.Value.Link($"/packs/{token}");
}
