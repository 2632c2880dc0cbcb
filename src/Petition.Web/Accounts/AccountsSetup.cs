using Microsoft.AspNetCore.Identity;
using Petition.Data;

namespace Petition.Web.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";
}

public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PetitionDbContext>()
            .AddDefaultTokenProviders();
        return builder;
    }
}
