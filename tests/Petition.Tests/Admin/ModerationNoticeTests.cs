using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Admin;

/// <summary>On a pre-moderated letter, a signer who waited hears the moderators' decision, through the outbox, once.</summary>
public class ModerationNoticeTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<(long Id, string Email)> SignAndConfirmAsync(string slug, string name)
    {
        var email = $"{Signer.Unique("mod")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(slug, Signer.ApiBody(name, email))).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        var id = await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).Select(s => s.Id).SingleAsync());
        return (id, email);
    }

    [Fact]
    public async Task A_signer_hears_once_that_their_signature_is_published_or_neutrally_that_it_will_not_be_listed()
    {
        var letter = await app.PreModeratedLetterAsync();
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var approved = await SignAndConfirmAsync(letter.Slug, "Ngozi Approved");
        var rejected = await SignAndConfirmAsync(letter.Slug, "Ivan Rejected");
        async Task DecideAsync(long id, string verdict) => Assert.Equal(HttpStatusCode.Redirect,
            (await moderator.PostHandlerAsync(Console.SignaturePage(letter.Slug, id), "Decide", new Dictionary<string, string>
                { ["verdict"] = verdict, ["reason"] = "Fake or implausible name", ["note"] = "cartoon character" })).StatusCode);

        await DecideAsync(approved.Id, "Approve");
        await DecideAsync(rejected.Id, "Reject");
        await app.DrainOutboxAsync();

        var published = Assert.Single(app.Smtp.To(approved.Email), m => (m.Subject ?? "").StartsWith("Your signature is published"));
        Assert.Contains("is now published, with your name on the public list", published.TextBody);
        Assert.Contains("/manage/", published.TextBody);
        var notListed = Assert.Single(app.Smtp.To(rejected.Email), m => (m.Subject ?? "").StartsWith("About your signature"));
        Assert.Contains("Yours will not be listed.", notListed.TextBody);
        // Neutral: no reason and no moderator's note reach the signer.
        Assert.DoesNotContain("Fake", notListed.TextBody);
        Assert.DoesNotContain("cartoon", notListed.TextBody);

        // A decision taken again does not write again.
        await DecideAsync(rejected.Id, "Approve");
        await app.DrainOutboxAsync();
        Assert.Equal(SignatureState.Published, (await app.SignatureAsync(rejected.Id)).State);
        Assert.Single(app.Smtp.To(rejected.Email), m => (m.Subject ?? "").StartsWith("About your signature") || (m.Subject ?? "").StartsWith("Your signature is published"));
    }

    [Fact]
    public async Task A_post_moderated_letter_sends_no_decision_and_an_unconfirmed_address_is_never_written_to()
    {
        var post = await app.AddLetterAsync(Signer.Unique("postmod"));
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var signer = await SignAndConfirmAsync(post.Slug, "Post Signer");
        await moderator.PostHandlerAsync(Console.SignaturePage(post.Slug, signer.Id), "Decide",
            new Dictionary<string, string> { ["verdict"] = "Reject", ["reason"] = "Fake or implausible name" });

        var pre = await app.PreModeratedLetterAsync();
        var stranger = $"{Signer.Unique("unconf")}@example.org";
        await app.Client().SignByApiAsync(pre.Slug, Signer.ApiBody("Never Confirmed", stranger));
        await app.ConfirmationPathAsync(stranger);
        var id = await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(stranger)).Select(s => s.Id).SingleAsync());
        await moderator.PostHandlerAsync(Console.SignaturePage(pre.Slug, id), "Decide",
            new Dictionary<string, string> { ["verdict"] = "Reject", ["reason"] = "Fake or implausible name" });
        await app.DrainOutboxAsync();

        Assert.DoesNotContain(app.Smtp.To(signer.Email), m => (m.Subject ?? "").StartsWith("About your signature"));
        Assert.Single(app.Smtp.To(stranger)); // the confirmation email only
    }
}
