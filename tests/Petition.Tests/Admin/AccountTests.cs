using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Admin;

public class AccountTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task An_admin_signs_in_with_password_and_authenticator_code()
    {
        var admin = await app.CreateAdminAsync();
        var client = await app.SignInAsync(admin);
        var console = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        var cookie = Assert.Single(console.RequestMessage!.Headers.GetValues("Cookie"));
        Assert.Contains("petition.session", cookie);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer_and_repeated_failures_lock()
    {
        var moderator = await app.CreateModeratorAsync();
        var client = app.Client();
        var unknown = await (await client.PostLoginAsync("nobody@staff.example.org", "whatever password")).ReadDocumentAsync();
        var wrong = await (await client.PostLoginAsync(moderator.Email, "wrong password!")).ReadDocumentAsync();
        Assert.Equal(unknown.QuerySelector(".error-summary")!.TextContent, wrong.QuerySelector(".error-summary")!.TextContent);

        for (var i = 0; i < 4; i++)
            await client.PostLoginAsync(moderator.Email, "wrong password!");
        var locked = await client.PostLoginAsync(moderator.Email, moderator.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode); // the form again, not the console
        Assert.Contains("do not match", (await locked.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_set_it_up_first_and_turns_it_on_with_a_code()
    {
        var admin = await app.CreateAsync(Petition.Web.Accounts.Roles.Admin, twoFactor: false);
        var client = await app.SignInAsync(admin);

        var console = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal("/Account/TwoFactor", console.Headers.Location!.OriginalString);

        var setup = await client.GetDocumentAsync("/account/twofactor");
        Assert.NotNull(setup.QuerySelector(".qr svg"));
        var key = setup.QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        var enabled = await client.SubmitAsync(setup, "/account/twofactor",
            new Dictionary<string, string> { ["Input.Code"] = (admin with { SharedKey = key }).CurrentCode() },
            "form[method=post]:not(.staff-menu)");
        Assert.Equal("/Account/RecoveryCodes", enabled.Headers.Location!.OriginalString);
        var codes = await client.GetDocumentAsync("/account/recoverycodes");
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-codes li").Length);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.True(await app.Db(db => db.Audit.AnyAsync(e => e.ActorId == admin.Id && e.Action == AuditActions.AccountTwoFactorEnabled)));

        // A recovery code signs in once in place of the app.
        var fresh = app.Client();
        var login = await fresh.PostLoginAsync(admin.Email, admin.Password);
        var recoveryUrl = "/account/loginwithrecoverycode";
        var page = await fresh.GetDocumentAsync(recoveryUrl);
        var code = codes.QuerySelector(".recovery-codes li")!.TextContent.Trim();
        var signedIn = await fresh.SubmitAsync(page, recoveryUrl, new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        var moderator = await app.CreateModeratorAsync();
        var client = await app.SignInAsync(moderator);
        var page = await client.GetDocumentAsync("/account/logout");
        await client.SubmitAsync(page, "/account/logout");
        var after = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://petition.test/account/login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_session_ends_after_the_idle_timeout_but_not_while_it_is_used()
    {
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/admin")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20)); // 40 minutes after sign-in, 20 after the last request
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/admin")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await moderator.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Equal("/account/login", idle.Headers.Location!.AbsolutePath);
    }
}
