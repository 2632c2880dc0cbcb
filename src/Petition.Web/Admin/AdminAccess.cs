using Petition.Web.Accounts;

namespace Petition.Web.Admin;

/// <summary>
/// Who may open what under /admin, decided here once: every page in the folder needs a moderator or an admin, and
/// the pages listed below need an admin. The route test reads the same list.
/// </summary>
public static class AdminAccess
{
    public const string ModerationPolicy = "Moderation";
    public const string AdminPolicy = "Administration";
    public const string Folder = "/Admin";

    /// <summary>Page paths (or folders) only admins may open.</summary>
    public static readonly IReadOnlyList<string> AdminOnly = ["/Admin/Users", "/Admin/Audit", "/Admin/Letters/Edit", "/Admin/Letters/Import", "/Admin/Letters/Translations", "/Admin/Letters/Seals", "/Admin/Letters/Invitations", "/Admin/Trust", "/Admin/Recipients", "/Admin/Updates"];

    public static bool IsAdminOnly(string viewEnginePath) =>
        AdminOnly.Any(p => viewEnginePath.Equals(p, StringComparison.OrdinalIgnoreCase)
            || viewEnginePath.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));

    public static readonly string[] ModerationRoles = [Roles.Moderator, Roles.Admin];

    /// <summary>
    /// Whether this signed-in account is an admin: what the admin-only pages require (with the second factor their
    /// folder's gate asks), and what an admin-only part of a shared page asks (the full export with addresses,
    /// revealing an address, the console's admin links).
    /// </summary>
    public static bool IsAdmin(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
