using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Accounts;

public class AccountsOptions
{
    /// <summary>Admins always need a second factor; moderators only when this is on.</summary>
    public bool RequireTwoFactorForModerators { get; set; }

    /// <summary>A session with no request for this long ends; each request pushes the end back.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the set-password link in an invitation works.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A session ends this long after signing in, however active: a stolen cookie does not live for ever.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00", ErrorMessage = "Accounts:AbsoluteLifetime must be between 00:10:00 and 7.00:00:00.")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
