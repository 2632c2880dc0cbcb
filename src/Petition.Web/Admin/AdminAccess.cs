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
}
