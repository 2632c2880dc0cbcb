using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Moderation;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public class TrustTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<Signature> SignAndConfirmAsync(string slug, string name, string email, bool badge = false)
    {
        var client = app.Client();
        var body = Signer.ApiBody(name, email);
        body["showVerifiedBadge"] = badge;
        Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync(slug, body)).StatusCode);
        var confirmed = await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode); // the blocked see what everyone sees
        return await app.Db(db => db.Signatures.SingleAsync(s => s.Letter.Slug == slug && s.Name == name));
    }

    [Fact]
    public async Task Blocked_and_throwaway_addresses_see_the_usual_pages_but_are_never_published()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("block"));
        await app.Db(async db =>
        {
            db.BlockRules.Add(new BlockRule { Kind = BlockKind.Domain, Value = "troll.example", Reason = "campaign of fakes" });
            db.BlockRules.Add(new BlockRule { Kind = BlockKind.Email, Value = "one.person@example.org" });
            await db.SaveChangesAsync();
        });

        var throwaway = await SignAndConfirmAsync(letter.Slug, "Throwaway User", $"{Signer.Unique("x")}@mailinator.com");
        var sub = await SignAndConfirmAsync(letter.Slug, "Sub Domain", "someone@mail.troll.example");
        var tagged = await SignAndConfirmAsync(letter.Slug, "Tagged Address", "one.person+again@example.org");
        var fine = await SignAndConfirmAsync(letter.Slug, "Fine Person", $"{Signer.Unique("ok")}@example.org");

        Assert.All(new[] { throwaway, sub, tagged }, s =>
        {
            Assert.Equal(SignatureState.Rejected, s.State);
            Assert.StartsWith("Blocked:", s.ModerationReason);
        });
        Assert.Contains("disposable", throwaway.BlockedReason);
        Assert.Contains("campaign of fakes", sub.BlockedReason);
        Assert.Equal(SignatureState.Published, fine.State);
        var list = (await app.Client().SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent;
        Assert.Contains("Fine Person", list);
        Assert.DoesNotContain("Throwaway", list);
        Assert.DoesNotContain("Sub Domain", list);
    }

    [Fact]
    public async Task An_address_at_a_listed_organisation_earns_a_badge_when_the_signer_agrees()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("badge"));
        await app.ListDomainAsync("World Health Organization", $"who-{letter.Id}.int");
        var agreed = await SignAndConfirmAsync(letter.Slug, "Agreed Doctor", $"a@geneva.who-{letter.Id}.int", badge: true);
        var declined = await SignAndConfirmAsync(letter.Slug, "Quiet Doctor", $"q@who-{letter.Id}.int", badge: false);
        var elsewhere = await SignAndConfirmAsync(letter.Slug, "Other Doctor", $"o@{Signer.Unique("h")}.example", badge: true);

        Assert.Equal($"who-{letter.Id}.int", agreed.VerifiedDomain);
        Assert.Equal($"who-{letter.Id}.int", declined.VerifiedDomain); // moderators always see the match
        Assert.Null(elsewhere.VerifiedDomain);

        var rows = (await app.Client().SignatoriesPageAsync(letter.Slug)).QuerySelectorAll("table.signatories tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Agreed Doctor") && r.Contains($"verified at who-{letter.Id}.int"));
        Assert.Contains(rows, r => r.Contains("Quiet Doctor") && !r.Contains("verified"));
        Assert.Contains(rows, r => r.Contains("Other Doctor") && !r.Contains("verified"));
    }

    [Fact]
    public async Task Signatures_remember_the_network_as_a_hash()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("net"));
        var email = $"{Signer.Unique("net")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Net Person", email));
        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        var keys = app.Services.GetRequiredService<Petition.Web.Keys.PersonalDataKeys>();
        Assert.Equal(Petition.Web.Abuse.NetworkHash.Of(signature.IpAddress, keys), signature.NetworkHash);
        Assert.Equal(Petition.Web.Abuse.NetworkHash.Of("198.51.100.7", keys), Petition.Web.Abuse.NetworkHash.Of("198.51.100.200", keys));
        Assert.NotEqual(Petition.Web.Abuse.NetworkHash.Of("198.51.100.7", keys), Petition.Web.Abuse.NetworkHash.Of("198.51.101.7", keys));
    }
}
