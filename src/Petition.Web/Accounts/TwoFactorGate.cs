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
        var mustHave = principal.IsInRole(Roles.Admin)
            || (options.Value.RequireTwoFactorForModerators && principal.IsInRole(Roles.Moderator));
        if (mustHave && await users.GetUserAsync(principal) is { } user && !await users.GetTwoFactorEnabledAsync(user))
        {
            context.Result = new RedirectToPageResult("/Account/TwoFactor");
            return;
        }
        await next();
    }
}
