using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Petition.Web.Pages.Letters;

namespace Petition.Web.Signing;

/// <summary>
/// Tells a robot's form post from a person's: a person leaves the hidden field empty and takes a few seconds.
/// The time the form was served travels in the form, protected, so a robot cannot claim to have been slow.
/// </summary>
public class FormTiming(IDataProtectionProvider protection, TimeProvider time, IOptions<SigningOptions> options)
{
    readonly IDataProtector protector = protection.CreateProtector("Petition.SignForm.Started");

    public string Stamp() => protector.Protect(time.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public bool LooksHuman(SignForm form)
    {
        if (!string.IsNullOrEmpty(form.Website))
            return false;
        if (options.Value.MinimumFillTime <= TimeSpan.Zero)
            return true;
        try
        {
            var started = new DateTimeOffset(long.Parse(protector.Unprotect(form.Started ?? "")), TimeSpan.Zero);
            return time.GetUtcNow() - started >= options.Value.MinimumFillTime;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
