using Microsoft.AspNetCore.Mvc;

namespace Petition.Web.Pages.Account;

/// <summary>Where to go after signing in: a path on this site only, never another host.</summary>
public static class SafeReturn
{
    public static string Url(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";
}
