using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Admin;

/// <summary>The console's transactions and bulk writes on the real PostgreSQL server.</summary>
public class PostgresConsoleTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task Bulk_reject_over_a_filter_and_revocation_work_on_postgres()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.PreModeratedLetterAsync("pg-bulk");
        await app.SignaturesAsync(letter, 300, domain: "spam.example");
        await app.SignaturesAsync(letter, 3, domain: "ok.example");
        var response = await admin.PostHandlerAsync(Console.Queue(letter.Slug, "?domain=spam.example"), "Decide",
            new Dictionary<string, string> { ["command"] = "reject-filter", ["reason"] = "Mass or automated signing", ["agreed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(300, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id && s.State == SignatureState.Rejected)));
        Assert.Equal(300, await app.Db(db => db.Audit.CountAsync(e => e.LetterId == letter.Id && e.Action == AuditActions.SignatureRejected)));

        var account = await app.CreateModeratorAsync();
        var moderator = await app.SignInAsync(account);
        await admin.PostHandlerAsync("/admin/users", "Revoke", which: f => f.QuerySelector($"input[value='{account.Id}']") is not null);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.GetAsync("/admin")).StatusCode);
        Assert.Contains("revoked", (await admin.GetDocumentAsync("/admin/users")).QuerySelector("main")!.TextContent);
    }
}
