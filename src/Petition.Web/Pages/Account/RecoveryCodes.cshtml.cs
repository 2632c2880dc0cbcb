using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Petition.Web.Pages.Account;

[Authorize]
public class RecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public void OnGet() =>
        Codes = TempData[TempDataKey] is string codes ? codes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
}
