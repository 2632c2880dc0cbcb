using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Petition.Data;

namespace Petition.Web.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";
}

/// <summary>
/// Moderator and organiser accounts: cookie sign-in with ASP.NET Core Identity, no public registration
/// (accounts come from `create-admin` and from invitations).
/// </summary>
public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>().BindConfiguration("Accounts")
            .ValidateDataAnnotations().ValidateOnStart();
        var accounts = builder.Configuration.GetSection("Accounts").Get<AccountsOptions>() ?? new();

        builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a passphrase of plain words is a good password.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Lockout counts wrong authenticator and recovery codes, which only someone with the password can
                // send; wrong passwords never lock an account (PasswordCheck slows them instead).
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PetitionDbContext>()
            .AddDefaultTokenProviders();

        // A revoked account (new security stamp) is out on its next request, not at the next half hour.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = accounts.InvitationLifetime);

        var development = builder.Environment.IsDevelopment();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.ExpireTimeSpan = accounts.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Cookie.Name = "petition.session";
            ConfigureCookie(cookie.Cookie, development);
            // However active, a session ends AbsoluteLifetime after the sign-in; sliding renewals keep the first time.
            var validateStamp = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnSigningIn = context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(SignedInAt, now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInAt, out var ticks) || !long.TryParse(ticks, out var at)
                    || now - new DateTimeOffset(at, TimeSpan.Zero) > accounts.AbsoluteLifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validateStamp(context);
            };
            // A signed-in user who may not open a page gets 403 itself, shown by the status page.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.TwoFactorUserIdScheme, cookie => ConfigureCookie(cookie.Cookie, development));
        builder.Services.AddScoped<TwoFactorGate>();
        builder.Services.AddScoped<PasswordCheck>();
        return builder;
    }

    const string SignedInAt = "petition.signed-in-at";

    static void ConfigureCookie(CookieBuilder cookie, bool development)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }
}
