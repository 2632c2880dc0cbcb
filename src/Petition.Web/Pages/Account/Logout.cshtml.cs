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
        await signIn.SignOutAsync();
        TempData["Status"] = "You are signed out.";
        return Redirect("/");
    }
}
