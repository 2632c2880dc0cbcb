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
            .AppendLine()
            .AppendLine($"-- {site.Value.Name}");
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
            .AppendLine()
            .AppendLine($"-- {site.Value.Name}");
        return Message(signature, $"You have already signed: {letter.Title}", text.ToString());
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
