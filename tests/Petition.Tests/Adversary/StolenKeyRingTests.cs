using System.Net;
using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Keys;

namespace Petition.Tests.Adversary;

/// <summary>
/// An attacker with a copy of the database (a backup, a dump) and nothing else: the data-protection keys in it are
/// sealed by a key file that is not in it, so no session cookie can be forged from it, and an instance without the
/// key file refuses to start instead of making a key of its own.
/// </summary>
public class StolenKeyRingTests
{
    [Fact]
    public async Task The_database_holds_no_data_protection_key_in_the_clear_and_the_key_file_is_the_owners_alone()
    {
        await using var app = await PetitionApp.StartAsync();
        await app.SignInAsync(await app.CreateAdminAsync()); // a session: the key ring is made and used

        var ring = await app.Db(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(ring);
        foreach (var xml in ring)
        {
            Assert.DoesNotContain("masterKey", xml);
            Assert.Contains("sealedKey", xml);
        }
        Assert.True(File.Exists(app.Database.KeyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.Database.KeyFile));
    }

    [Fact]
    public async Task A_session_cookie_forged_from_what_the_database_holds_is_refused()
    {
        await using var app = await PetitionApp.StartAsync();
        var admin = await app.CreateAdminAsync();
        await app.SignInAsync(admin);
        var ticket = await AdminTicketAsync(app, admin.Email);

        // The method is sound: made with the running server's own keys, the cookie opens the console.
        var made = Protect(app.Services.GetRequiredService<IDataProtectionProvider>(), ticket);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(app, made).GetAsync("/admin")).StatusCode);

        // The attacker's copy: the key ring's rows exactly as the database holds them, without the key file.
        var directory = Directory.CreateTempSubdirectory("stolen-ring");
        try
        {
            var rows = await app.Db(db => db.DataProtectionKeys.ToListAsync());
            foreach (var row in rows)
                XElement.Parse(row.Xml!).Save(Path.Combine(directory.FullName, $"key-{row.Id}.xml"));
            var stolen = DataProtectionProvider.Create(directory, b => b.SetApplicationName("Petition"));
            string forged;
            try { forged = Protect(stolen, ticket); }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or InvalidOperationException)
            {
                return; // the sealed key cannot even be used
            }
            var answer = await WithCookie(app, forged).GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/account/login", answer.Headers.Location!.PathAndQuery);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_key_that_an_earlier_version_stored_in_the_clear_is_sealed_at_start_and_still_opens_its_cookies()
    {
        await using var app = await PetitionApp.StartAsync();
        var admin = await app.CreateAdminAsync();
        var ticket = await AdminTicketAsync(app, admin.Email);
        var directory = Directory.CreateTempSubdirectory("clear-ring");
        try
        {
            // What a version before the key file wrote: the master key as plain base64 in the XML.
            var earlier = DataProtectionProvider.Create(directory, b => b.SetApplicationName("Petition"));
            var cookie = Protect(earlier, ticket);
            var clearXml = File.ReadAllText(Directory.GetFiles(directory.FullName, "*.xml").Single());
            Assert.Contains("masterKey", clearXml);
            await app.Db(async db =>
            {
                db.DataProtectionKeys.RemoveRange(db.DataProtectionKeys);
                db.DataProtectionKeys.Add(new() { FriendlyName = "earlier", Xml = clearXml });
                await db.SaveChangesAsync();
            });

            await app.Services.GetServices<IHostedService>().OfType<KeyRingStartup>().Single().StartAsync(CancellationToken.None);

            var stored = await app.Db(db => db.DataProtectionKeys.SingleAsync());
            Assert.DoesNotContain("masterKey", stored.Xml);
            Assert.Contains("sealedKey", stored.Xml);
            // A fresh reader of the ring (another instance) opens the sealed key and accepts the earlier cookie.
            var reader = DataProtectionProvider.Create(directory, b => b.SetApplicationName("Petition"));
            var sealedRing = Directory.CreateTempSubdirectory("sealed-ring");
            XElement.Parse(stored.Xml!).Save(Path.Combine(sealedRing.FullName, "key-1.xml"));
            Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
                Unprotect(DataProtectionProvider.Create(sealedRing, b => b.SetApplicationName("Petition")), cookie));
            sealedRing.Delete(recursive: true);
            Assert.NotNull(Unprotect(reader, cookie));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task On_PostgreSQL_an_instance_without_the_key_file_refuses_to_start_and_says_why()
    {
        var database = await TestDatabase.PostgresAsync();
        await using var first = await PetitionApp.StartAsync(database);
        await first.SignInAsync(await first.CreateAdminAsync());

        var elsewhere = Path.Combine(Path.GetTempPath(), "petition-tests", "keys", Guid.NewGuid().ToString("N"), "missing.key");
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => PetitionApp.StartAsync(database, new() { ["Keys:KeyFile"] = elsewhere }));
        var reason = Flatten(refused);
        Assert.Contains("key-encryption key file", reason);
        Assert.Contains("missing.key", reason);
        Assert.False(File.Exists(elsewhere));
    }

    static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);

    static async Task<AuthenticationTicket> AdminTicketAsync(PetitionApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>();
        // Everything in it is in the database: the user's id, name, security stamp and roles.
        var principal = await principals.CreateAsync((await users.FindByEmailAsync(email))!);
        var properties = new AuthenticationProperties();
        properties.Items["petition.signed-in-at"] = app.Clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
    }

    static TicketDataFormat Format(IDataProtectionProvider provider) => new(provider.CreateProtector(
        "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2"));

    static string Protect(IDataProtectionProvider provider, AuthenticationTicket ticket) => Format(provider).Protect(ticket);

    static ClaimsPrincipal? Unprotect(IDataProtectionProvider provider, string cookie)
    {
        var ticket = Format(provider).Unprotect(cookie);
        return ticket?.Principal ?? throw new System.Security.Cryptography.CryptographicException("not opened");
    }

    static HttpClient WithCookie(PetitionApp app, string cookie)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("Cookie", $"petition.session={cookie}");
        return client;
    }
}
