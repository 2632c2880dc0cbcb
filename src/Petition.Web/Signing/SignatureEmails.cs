using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Signatures;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Site;

namespace Petition.Web.Signing;

/// <summary>
/// The words of the emails a signer receives, in the language they signed in (<see cref="Signature.Language"/>),
/// whatever the culture of the thread that writes them: the batcher and the console compose them outside the
/// signer's request. Plain text: what a signer typed stays text.
/// </summary>
public class SignatureEmails(IOptions<SiteOptions> site, IOptions<SigningOptions> signing, IStringLocalizer<SiteText> t, TimeProvider time)
{
    public OutboxMessage Confirmation(Letter letter, Signature signature, ConfirmationLinks links)
    {
        using var _ = SiteLanguages.Use(signature.Language);
        var title = LetterText.Of(letter).Title;
        var link = site.Value.Link($"/confirm/{links.Confirm.Value}");
        var text = new StringBuilder()
            .AppendLine(t["Hello {0},", signature.Name])
            .AppendLine();
        if (letter.Organiser.ConfirmationMessage is { Length: > 0 } words)
            text.AppendLine(words).AppendLine();
        text
            // An imported signer did not ask: the organisers put the name forward, and the email must say so.
            .AppendLine(signature.Source == SignatureSource.Import
                ? t["The organisers of the open letter \"{0}\" added this address to its signatories, from a list they gathered (on paper, for example). Nothing is published unless you confirm.", title]
                : t["Someone, we hope you, asked to add this address to the open letter \"{0}\".", title])
            .AppendLine()
            .AppendLine(t["To sign, open this link and press \"Confirm my signature\":"])
            .AppendLine()
            .AppendLine(link)
            .AppendLine()
            .AppendLine(t.Plural("The link works for {0} days. If you did not ask to sign, ignore this email: nothing will be published and your address will be deleted.",
                (long)Math.Round(signing.Value.ConfirmationLifetime.TotalDays), signing.Value.ConfirmationLifetime.TotalDays.ToString("0")))
            .AppendLine()
            .AppendLine(t["Did someone use your address to sign in your name? Open the link and press \"This was not me\": the signature is withdrawn at once and the organisers are told."])
            .AppendLine()
            .AppendLine(t["You will sign as:"])
            .Append(Details(signature))
            .Append(ManageFooter(letter, links.Manage));
        return Message(letter, signature, t["Confirm your signature: {0}", title], text.ToString());
    }

    public OutboxMessage AlreadySigned(Letter letter, Signature signature, VerificationToken manage)
    {
        using var _ = SiteLanguages.Use(signature.Language);
        var title = LetterText.Of(letter).Title;
        var text = new StringBuilder()
            .AppendLine(t["Hello {0},", signature.Name])
            .AppendLine()
            .AppendLine(t["Someone, we hope you, tried to sign the open letter \"{0}\" again with this address.", title])
            .AppendLine()
            .AppendLine(t["This address has already signed and confirmed, so nothing has changed: each address signs once."])
            .AppendLine(t["The letter: {0}", site.Value.Link($"/letters/{letter.Slug}")])
            .AppendLine()
            .AppendLine(t["If this was not you, you can ignore this email."])
            .Append(ManageFooter(letter, manage));
        return Message(letter, signature, t["You have already signed: {0}", title], text.ToString());
    }

    /// <summary>Thanks a person who signed through a personal invitation (the founding round), with their manage link.</summary>
    public OutboxMessage SignedByInvitation(Letter letter, Signature signature, VerificationToken manage)
    {
        using var _ = SiteLanguages.Use(signature.Language);
        var title = LetterText.Of(letter).Title;
        var text = new StringBuilder()
            .AppendLine(t["Hello {0},", signature.Name])
            .AppendLine()
            .AppendLine(t["Thank you for signing the open letter \"{0}\". Your signature counts; it is listed when the letter is published.", title])
            .AppendLine()
            .AppendLine(t["You will sign as:"])
            .Append(Details(signature))
            .Append(ManageFooter(letter, manage));
        return Message(letter, signature, t["You have signed: {0}", title], text.ToString());
    }

    /// <summary>
    /// Tells the signer of a pre-moderated letter what the moderators decided: published (listed or counted), or,
    /// neutrally and without a reason, that it will not be listed.
    /// </summary>
    public OutboxMessage Decided(Letter letter, Signature signature, bool published, VerificationToken manage)
    {
        using var _ = SiteLanguages.Use(signature.Language);
        var title = LetterText.Of(letter).Title;
        var text = new StringBuilder()
            .AppendLine(t["Hello {0},", signature.Name])
            .AppendLine();
        if (published)
            text.AppendLine(signature.ListPublicly
                    ? t["Your signature on the open letter \"{0}\" has been reviewed and is now published, with your name on the public list.", title]
                    : t["Your signature on the open letter \"{0}\" has been reviewed and is now counted; your name is not shown, as you asked.", title])
                .AppendLine()
                .AppendLine(t["The letter: {0}", site.Value.Link($"/letters/{letter.Slug}")]);
        else
        {
            text.AppendLine(t["The organisers have reviewed the signatures on the open letter \"{0}\". Yours will not be listed.", title]);
            if (letter.Organiser.Email is { Length: > 0 } contact)
                text.AppendLine().AppendLine(t["If you think this is a mistake, write to the organisers: {0}", contact]);
        }
        text.Append(ManageFooter(letter, manage));
        return Message(letter, signature, published ? t["Your signature is published: {0}", title] : t["About your signature: {0}", title], text.ToString());
    }

    /// <summary>Tells a signer of an earlier version what changed in the text they signed.</summary>
    public OutboxMessage LetterChanged(Letter letter, Signature signature, string? changeSummary, VerificationToken manage)
    {
        using var _ = SiteLanguages.Use(signature.Language);
        var title = LetterText.Of(letter).Title;
        var text = new StringBuilder()
            .AppendLine(t["Hello {0},", signature.Name])
            .AppendLine()
            .AppendLine(t["You signed version {0} of the open letter \"{1}\". Its text has changed since (now version {2}).",
                signature.LetterVersion, title, letter.Version])
            .AppendLine();
        if (!string.IsNullOrWhiteSpace(changeSummary))
            text.AppendLine(t["What changed:"]).AppendLine(changeSummary).AppendLine();
        text.AppendLine(t["Read the letter as it stands: {0}", site.Value.Link($"/letters/{letter.Slug}")])
            .AppendLine(t["Your signature stays as it is. If you no longer wish to sign, you can withdraw it with the link below."])
            .Append(ManageFooter(letter, manage));
        return Message(letter, signature, t["The letter you signed has changed: {0}", title], text.ToString());
    }

    /// <summary>
    /// An organisers' update to a signer who asked for them (<see cref="Petition.Data.Signatures.Signature.GetsUpdates"/>), in the words of
    /// the signer's language when the organisers wrote them, with a one-click unsubscribe link (also sent as the
    /// List-Unsubscribe header, RFC 8058) on a token that only unsubscribes (<see cref="SignatureLinks.Unsubscribe"/>), apart from the manage link.
    /// </summary>
    public OutboxMessage Update(Letter letter, Signature signature, Data.Updates.UpdateText words, VerificationToken manage, VerificationToken unsubscribe)
    {
        using var _ = SiteLanguages.Use(signature.Language);
        var stop = site.Value.Link($"/unsubscribe/{unsubscribe.Value}");
        var text = new StringBuilder()
            .AppendLine(t["Hello {0},", signature.Name])
            .AppendLine()
            .AppendLine(words.Body.Trim())
            .AppendLine()
            .AppendLine(t["The letter: {0}", site.Value.Link($"/letters/{letter.Slug}")])
            .AppendLine()
            .AppendLine(t["You receive this because you asked to hear when the open letter \"{0}\" is delivered or answered. To stop these emails, open this link and press the button:", LetterText.Of(letter).Title])
            .AppendLine(stop)
            .Append(ManageFooter(letter, manage));
        var message = Message(letter, signature, words.Subject.Trim(), text.ToString());
        message.Unsubscribe = stop;
        return message;
    }

    /// <summary>Every email to a signer ends with its private link to see, correct or withdraw the signature (see <see cref="SignatureLinks.Manage"/>).</summary>
    string ManageFooter(Letter letter, VerificationToken manage) => new StringBuilder()
        .AppendLine()
        .AppendLine(t["To see what we hold about you, correct it, or withdraw your signature, use your private link (do not share it):"])
        .AppendLine(site.Value.Link($"/manage/{manage.Value}"))
        .AppendLine()
        .AppendLine($"-- {letter.Organiser.Name ?? site.Value.Name}")
        .ToString();

    string Details(Signature signature)
    {
        var text = new StringBuilder();
        void Line(string label, string? value) { if (!string.IsNullOrEmpty(value)) text.AppendLine($"  {t[label]}: {value}"); }
        Line("Name", signature.Name);
        Line("Title", signature.Title);
        Line("Organisation", signature.Organization);
        Line("Category", signature.Category);
        Line("Country", signature.Country is null ? null : Countries.Name(signature.Country));
        Line("City", signature.City);
        Line("Name on the public list", signature.ListPublicly ? t["Yes"] : t["No, counted only"]);
        return text.ToString();
    }

    /// <summary>From the site's address in the organiser's name, replies to the organiser's contact.</summary>
    OutboxMessage Message(Letter letter, Signature signature, string subject, string text)
    {
        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            ToAddress = signature.Email,
            ToName = signature.Name,
            Subject = subject,
            TextBody = text,
            FromName = letter.Organiser.Name,
            ReplyTo = letter.Organiser.Email,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
