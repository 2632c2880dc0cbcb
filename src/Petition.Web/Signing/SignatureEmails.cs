using System.Text;
using Microsoft.Extensions.Options;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Signatures;
using Petition.Web.Letters;
using Petition.Web.Site;

namespace Petition.Web.Signing;

/// <summary>The words of the emails a signer receives. Plain text: what a signer typed stays text.</summary>
public class SignatureEmails(IOptions<SiteOptions> site, IOptions<SigningOptions> signing, TimeProvider time)
{
    public OutboxMessage Confirmation(Letter letter, Signature signature, VerificationToken token)
    {
        var link = site.Value.Link($"/confirm/{token.Value}");
        var text = new StringBuilder()
            .AppendLine($"Hello {signature.Name},")
            .AppendLine()
            .AppendLine($"Someone, we hope you, asked to add this address to the open letter \"{letter.Title}\".")
            .AppendLine()
            .AppendLine("To sign, open this link and press \"Confirm my signature\":")
            .AppendLine()
            .AppendLine(link)
            .AppendLine()
            .AppendLine($"The link works for {signing.Value.ConfirmationLifetime.TotalDays:0} days. If you did not ask to sign, ignore this email: nothing will be published and your address will be deleted.")
            .AppendLine()
            .AppendLine("You will sign as:")
            .Append(Details(signature))
            .Append(ManageFooter(signature));
        return Message(signature, $"Confirm your signature: {letter.Title}", text.ToString());
    }

    public OutboxMessage AlreadySigned(Letter letter, Signature signature)
    {
        var text = new StringBuilder()
            .AppendLine($"Hello {signature.Name},")
            .AppendLine()
            .AppendLine($"Someone, we hope you, tried to sign the open letter \"{letter.Title}\" again with this address.")
            .AppendLine()
            .AppendLine("This address has already signed and confirmed, so nothing has changed: each address signs once.")
            .AppendLine($"The letter: {site.Value.Link($"/letters/{letter.Slug}")}")
            .AppendLine()
            .AppendLine("If this was not you, you can ignore this email.")
            .Append(ManageFooter(signature));
        return Message(signature, $"You have already signed: {letter.Title}", text.ToString());
    }

    /// <summary>Tells a signer of an earlier version what changed in the text they signed.</summary>
    public OutboxMessage LetterChanged(Letter letter, Signature signature, string? changeSummary)
    {
        var text = new StringBuilder()
            .AppendLine($"Hello {signature.Name},")
            .AppendLine()
            .AppendLine($"You signed version {signature.LetterVersion} of the open letter \"{letter.Title}\". Its text has changed since (now version {letter.Version}).")
            .AppendLine();
        if (!string.IsNullOrWhiteSpace(changeSummary))
            text.AppendLine("What changed:").AppendLine(changeSummary).AppendLine();
        text.AppendLine($"Read the letter as it stands: {site.Value.Link($"/letters/{letter.Slug}")}")
            .AppendLine("Your signature stays as it is. If you no longer wish to sign, you can withdraw it with the link below.")
            .Append(ManageFooter(signature));
        return Message(signature, $"The letter you signed has changed: {letter.Title}", text.ToString());
    }

    /// <summary>
    /// Every email to a signer ends with a private link to see, correct or withdraw the signature. Each email
    /// carries a fresh token: only its hash is stored, so the link exists nowhere but in the signer's inbox.
    /// </summary>
    string ManageFooter(Signature signature)
    {
        var now = time.GetUtcNow();
        var token = VerificationToken.Create();
        signature.Tokens.Add(new SignatureToken
        {
            Purpose = TokenPurpose.Manage,
            Hash = token.Hash,
            CreatedAt = now,
            ExpiresAt = now + signing.Value.ManageLinkLifetime,
        });
        return new StringBuilder()
            .AppendLine()
            .AppendLine("To see what we hold about you, correct it, or withdraw your signature, use your private link (do not share it):")
            .AppendLine(site.Value.Link($"/manage/{token.Value}"))
            .AppendLine()
            .AppendLine($"-- {site.Value.Name}")
            .ToString();
    }

    static string Details(Signature signature)
    {
        var text = new StringBuilder();
        void Line(string label, string? value) { if (!string.IsNullOrEmpty(value)) text.AppendLine($"  {label}: {value}"); }
        Line("Name", signature.Name);
        Line("Title", signature.Title);
        Line("Organisation", signature.Organization);
        Line("Category", signature.Category);
        Line("Country", signature.Country is null ? null : Countries.Name(signature.Country));
        Line("City", signature.City);
        Line("Name on the public list", signature.ListPublicly ? "yes" : "no, counted only");
        return text.ToString();
    }

    OutboxMessage Message(Signature signature, string subject, string text)
    {
        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            ToAddress = signature.Email,
            ToName = signature.Name,
            Subject = subject,
            TextBody = text,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
