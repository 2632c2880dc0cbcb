using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Founding;

public class FoundingOptions
{
    /// <summary>
    /// How long a personal invitation signs: it needs no other confirmation, so a link forwarded or left in a mailbox
    /// must not sign for ever. An expired one can be sent again.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00", ErrorMessage = "Founding:InvitationLifetime must be between 1.00:00:00 and 365.00:00:00.")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(30);
}
