using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Petition.Web.Pages.Account;

/// <summary>Signing out is a POST: a link or an image elsewhere cannot sign anyone out.</summary>
public class LogoutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends the session on the server: a copy of the cookie is refused from the next request.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Status"] = "You are signed out.";
        return Redirect("/");
    }
}
