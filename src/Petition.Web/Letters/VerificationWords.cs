using Petition.Data.Signatures;

namespace Petition.Web.Letters;

/// <summary>Each verification level in the words the list, the filter and the PDF show (translated as site text).</summary>
public static class VerificationWords
{
    public static string Label(this Verification level) => level switch
    {
        Verification.Institutional => "Institutional email",
        Verification.Checked => "Checked by the organisers",
        Verification.Imported => "Added by the organisers",
        Verification.Invited => "Personally invited",
        _ => "Email confirmed",
    };
}
