using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Signing;

public class SigningOptions
{
    /// <summary>How long an emailed confirmation link works.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Emails one signature may cause, so signing again and again cannot flood someone's inbox.</summary>
    [Range(1, 100)] public int MaxEmailsPerSignature { get; set; } = 5;
}
