using System.Security.Claims;
using Petition.Web.Accounts;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Admin.Review;

/// <summary>
/// What the console shows of a signer's email address, decided here once. Moderators need the domain (an address at
/// who.int, a throwaway domain), never the mailbox: a moderator who copies the queue must not walk away with the
/// signers' addresses. An admin sees an address on the signature's page by asking for it, and each time is in the
/// audit log; the full export (admins, audited) carries them all.
/// </summary>
public static class AddressView
{
    /// <summary>"…@who.int": the domain, which is what judging a signature needs.</summary>
    public static string Masked(string? email) => string.IsNullOrEmpty(email) ? "" : "…@" + EmailAddress.Domain(email);

    public static bool MayReveal(ClaimsPrincipal user) => AdminAccess.IsAdmin(user);
}
