using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Petition.Tests.Infrastructure;
using Petition.Web.Accounts;

namespace Petition.Tests.Admin;

/// <summary>An admin or moderator account made through UserManager, as `create-admin` or an invitation would.</summary>
public record StaffAccount(string Id, string Email, string Password, string? SharedKey)
{
    public string CurrentCode() => new Totp(Base32Encoding.ToBytes(SharedKey!)).ComputeTotp(DateTime.UtcNow);
}

public static class Staff
{
    public const string Password = "correct horse battery staple";

    public static async Task<StaffAccount> CreateAsync(this PetitionApp app, string role, bool twoFactor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in new[] { Roles.Admin, Roles.Moderator })
            if (!await roles.RoleExistsAsync(name))
                await roles.CreateAsync(new IdentityRole(name));
        var email = $"{Signer.Unique(role.ToLowerInvariant())}@staff.example.org";
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new StaffAccount(user.Id, email, Password, key);
    }

    public static Task<StaffAccount> CreateAdminAsync(this PetitionApp app) => app.CreateAsync(Roles.Admin, twoFactor: true);
    public static Task<StaffAccount> CreateModeratorAsync(this PetitionApp app, bool twoFactor = false) =>
        app.CreateAsync(Roles.Moderator, twoFactor);

    /// <summary>A client signed in through the real forms: password, then the authenticator code when asked.</summary>
    public static async Task<HttpClient> SignInAsync(this PetitionApp app, StaffAccount account)
    {
        var client = app.Client();
        var response = await client.PostLoginAsync(account.Email, account.Password);
        if (response.Headers.Location?.OriginalString.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase) == true)
        {
            var url = response.Headers.Location.OriginalString;
            var page = await client.GetDocumentAsync(url);
            response = await client.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.Code"] = account.CurrentCode() });
        }
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/admin")
            throw new InvalidOperationException($"Sign-in of {account.Email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/account/login");
        return await client.SubmitAsync(page, "/account/login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
