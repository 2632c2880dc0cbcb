using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Petition.Web.Accounts;

/// <summary>
/// Before any admin page: an account that must have a second factor and has none is sent to set one up.
/// </summary>
public class TwoFactorGate(UserManager<IdentityUser> users, IOptions<AccountsOptions> options) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var principal = context.HttpContext.User;
        if (MustHave(principal, options.Value) && await users.GetUserAsync(principal) is { } user && !await users.GetTwoFactorEnabledAsync(user))
        {
            context.Result = new RedirectToPageResult("/Account/TwoFactor");
            return;
        }
        await next();
    }

    /// <summary>Who must have a second factor: every admin, and moderators when the site says so. Asked here and by the set-up page.</summary>
    public static bool MustHave(System.Security.Claims.ClaimsPrincipal principal, AccountsOptions options) =>
        Admin.AdminAccess.IsAdmin(principal) || (options.RequireTwoFactorForModerators && principal.IsInRole(Roles.Moderator));
}
