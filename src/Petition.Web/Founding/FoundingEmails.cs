using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Site;

namespace Petition.Web.Founding;

/// <summary>The personal invitation, in the letter's language, from the organiser's name like every signer's email.</summary>
public class FoundingEmails(IOptions<SiteOptions> site, IStringLocalizer<SiteText> t, TimeProvider time)
{
    public OutboxMessage Invitation(Letter letter, string email, string? name, VerificationToken token, DateTimeOffset expiresAt)
    {
        using var _ = SiteLanguages.Use(letter.Language);
        var title = LetterText.Of(letter).Title;
        var text = new StringBuilder()
            .AppendLine(name is null ? t["Hello,"] : t["Hello {0},", name])
            .AppendLine()
            .AppendLine(t["The organisers of the open letter \"{0}\" invite you to sign it.", title])
            .AppendLine()
            .AppendLine(t["This link is yours alone: it signs once, for this address, and needs no other confirmation:"])
            .AppendLine()
            .AppendLine(site.Value.Link($"/invitation/{token.Value}"))
            .AppendLine()
            .AppendLine(t["The link works until {0}.", expiresAt.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)])
            .AppendLine()
            .AppendLine(t["If you do not wish to sign, ignore this email: nothing is published."])
            .AppendLine()
            .AppendLine($"-- {letter.Organiser.Name ?? site.Value.Name}");
        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            ToAddress = email, ToName = name ?? "", Subject = t["An invitation to sign: {0}", title], TextBody = text.ToString(),
            FromName = letter.Organiser.Name, ReplyTo = letter.Organiser.Email, CreatedAt = now, NextAttemptAt = now,
        };
    }
}
