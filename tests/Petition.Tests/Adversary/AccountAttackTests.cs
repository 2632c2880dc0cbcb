using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// An outsider at the sign-in form: learns nothing from its speed, cannot keep the team out, and a copied session
/// cookie dies with the sign-out or at the session's absolute end.
/// </summary>
public class AccountAttackTests
{
    /// <summary>Counts password hash checks: the cost that made an unknown address answer in 3 ms and a known one in 50.</summary>
    sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        readonly PasswordHasher<IdentityUser> inner = new();
        public int Verifications;
        public string HashPassword(IdentityUser user, string password) => inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Every_failed_sign_in_costs_one_password_check_whoever_the_address_is()
    {
        var hasher = new CountingHasher();
        await using var app = await PetitionApp.StartAsync(services: s => { s.RemoveAll<IPasswordHasher<IdentityUser>>(); s.AddSingleton<IPasswordHasher<IdentityUser>>(hasher); });
        var moderator = await app.CreateModeratorAsync();
        var admin = await app.CreateAdminAsync();
        var invited = await app.CreateModeratorAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.RemovePasswordAsync((await users.FindByEmailAsync(invited.Email))!); // an invitation not yet accepted
        }
        var client = app.Client();
        foreach (var email in new[] { "nobody@staff.example.org", moderator.Email, admin.Email, invited.Email })
        {
            var before = hasher.Verifications;
            var answer = await client.PostLoginAsync(email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(1, hasher.Verifications - before);
        }
    }

    [Fact]
    public async Task A_stranger_guessing_cannot_keep_an_admin_out()
    {
        await using var app = await PetitionApp.StartAsync();
        var admin = await app.CreateAdminAsync();
        var stranger = app.Client();
        for (var i = 0; i < 12; i++)
            await stranger.PostLoginAsync(admin.Email, $"guess number {i} wrong");
        await app.SignInAsync(admin); // the right password and the authenticator code still let the owner in
    }

    [Fact]
    public async Task A_copied_session_cookie_is_refused_once_its_owner_signs_out()
    {
        await using var app = await PetitionApp.StartAsync();
        var moderator = await app.CreateModeratorAsync();
        var jar = new System.Net.CookieContainer();
        var owner = app.CreateDefaultClient(new Uri("http://petition.test"), new CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostLoginAsync(moderator.Email, moderator.Password)).StatusCode);
        var copied = jar.GetCookieHeader(new Uri("http://petition.test/admin"));

        var thief = app.CreateDefaultClient(new Uri("http://petition.test"));
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/admin")).StatusCode);

        var page = await owner.GetDocumentAsync("/account/logout");
        await owner.SubmitAsync(page, "/account/logout");
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // the stamp is checked on every request that comes after it
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_busy()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Accounts:AbsoluteLifetime"] = "02:00:00" });
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        for (var i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/admin")).StatusCode); // 20 … 100 minutes
        }
        app.Clock.Advance(TimeSpan.FromMinutes(25)); // 125 minutes after signing in, 25 after the last request
        var ended = await moderator.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/account/login", ended.Headers.Location!.AbsolutePath);
    }
}
