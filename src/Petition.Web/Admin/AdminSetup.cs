using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Petition.Web.Accounts;
using Petition.Web.Admin.Audit;
using Petition.Web.Admin.Letters;
using Petition.Web.Admin.Review;
using Petition.Web.Admin.Users;

namespace Petition.Web.Admin;

/// <summary>The organisers' and moderators' console under /admin: its policies, services and page conventions.</summary>
public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminAccess.ModerationPolicy, p => p.RequireRole(AdminAccess.ModerationRoles))
            .AddPolicy(AdminAccess.AdminPolicy, p => p.RequireRole(Roles.Admin));
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder(AdminAccess.Folder, AdminAccess.ModerationPolicy);
            options.Conventions.AddFolderApplicationModelConvention(AdminAccess.Folder, page =>
            {
                if (AdminAccess.IsAdminOnly(page.ViewEnginePath))
                    page.EndpointMetadata.Add(new AuthorizeAttribute(AdminAccess.AdminPolicy));
                page.Filters.Add(new ServiceFilterAttribute(typeof(TwoFactorGate)));
            });
            options.Conventions.AddPageRoute("/Admin/Letters/Edit", "admin/letters/new");
            options.Conventions.AddPageRoute("/Admin/Recipients/Import", "admin/letters/{slug}/recipients/import");
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<SignatureModeration>();
        builder.Services.AddScoped<LetterEditor>();
        builder.Services.AddScoped<LetterTranslator>();
        builder.Services.AddScoped<TextVersions>();
        builder.Services.AddScoped<AbuseSignals>();
        return builder;
    }
}
