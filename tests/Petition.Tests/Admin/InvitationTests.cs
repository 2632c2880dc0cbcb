using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Admin;

public partial class InvitationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task An_admin_invites_a_moderator_who_sets_a_password_from_the_email_and_signs_in()
    {
        var admin = await app.CreateAdminAsync();
        var client = await app.SignInAsync(admin);
        var email = $"{Signer.Unique("invitee")}@staff.example.org";

        var invited = await client.PostHandlerAsync("/admin/users", "Invite", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var entry = await app.Db(db => db.Audit.SingleAsync(e => e.Action == AuditActions.AccountInvited && e.After!.Contains(email)));
        Assert.Equal(admin.Id, entry.ActorId);

        var message = await app.Smtp.WaitForAsync(email);
        var link = new Uri(AcceptLink().Match(message.TextBody ?? "").Value).PathAndQuery;
        var anonymous = app.Client();
        var page = await anonymous.GetDocumentAsync(link);
        Assert.Contains(email, page.QuerySelector("main")!.TextContent);

        var tooShort = await anonymous.SubmitAsync(page, link, new Dictionary<string, string>
            { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short" });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        var accepted = await anonymous.SubmitAsync(page, link, new Dictionary<string, string>
            { ["Input.Password"] = Staff.Password, ["Input.ConfirmPassword"] = Staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var moderator = await app.SignInAsync(new StaffAccount("", email, Staff.Password, null));
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/admin/users")).StatusCode);
        Assert.True(await app.Db(db => db.Audit.AnyAsync(e => e.Action == AuditActions.AccountInvitationAccepted && e.Actor == email)));

        // The link worked once: it now leads nowhere.
        var again = await app.Client().GetDocumentAsync(link);
        Assert.Contains("does not work", again.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_revoked_moderator_is_out_at_once_and_cannot_sign_in_again()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var account = await app.CreateModeratorAsync();
        var moderator = await app.SignInAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/admin")).StatusCode);

        var revoked = await admin.PostHandlerAsync("/admin/users", "Revoke", which: f => f.QuerySelector($"input[value='{account.Id}']") is not null);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // a later request than the one that signed in

        var after = await moderator.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location!.AbsolutePath);
        var login = await app.Client().PostLoginAsync(account.Email, account.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var entry = await app.Db(db => db.Audit.SingleAsync(e => e.Action == AuditActions.AccountRevoked && e.After!.Contains(account.Email)));
        Assert.Contains("Moderator", entry.Before);
    }

    [Fact]
    public async Task A_moderator_cannot_invite()
    {
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var page = await moderator.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?\S+")]
    private static partial Regex AcceptLink();
}
