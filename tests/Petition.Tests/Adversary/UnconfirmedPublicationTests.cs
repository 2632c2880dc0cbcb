using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Privacy;
using static Petition.Tests.Exports.Importing;
using Console = Petition.Tests.Admin.Console;

namespace Petition.Tests.Adversary;

/// <summary>
/// A hostile government signs a journalist's address and hopes a moderator's click publishes it: reject then
/// approve, "approve all matching" over rejected rows, or an import sent for email confirmation. None publishes.
/// </summary>
public class UnconfirmedPublicationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<Signature> RejectedUnconfirmedAsync(Petition.Data.Letters.Letter letter, HttpClient moderator)
    {
        var email = $"{Signer.Unique("never")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Never Confirmed", email));
        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.EmailHash == app.AddressHash(email)));
        await moderator.PostHandlerAsync(Console.SignaturePage(letter.Slug, signature.Id), "Decide",
            new Dictionary<string, string> { ["verdict"] = "Reject", ["note"] = "Spam" });
        var rejected = await app.SignatureAsync(signature.Id);
        Assert.Equal(SignatureState.Rejected, rejected.State);
        return rejected;
    }

    [Fact]
    public async Task Reject_then_approve_of_a_never_confirmed_signature_is_refused_and_said()
    {
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.PreModeratedLetterAsync("unconfirmed");
        var signature = await RejectedUnconfirmedAsync(letter, moderator);

        var response = await moderator.PostHandlerAsync(Console.SignaturePage(letter.Slug, signature.Id), "Decide",
            new Dictionary<string, string> { ["verdict"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await moderator.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("never confirmed", page.Body!.TextContent);
        var after = await app.SignatureAsync(signature.Id);
        Assert.Equal(SignatureState.Rejected, after.State);
        Assert.Null(after.PublishedAt);
    }

    [Fact]
    public async Task The_queue_opens_on_awaiting_review_and_approve_all_over_rejected_skips_the_unconfirmed_and_says_so()
    {
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.PreModeratedLetterAsync("unconfirmed-bulk");
        var spam = await RejectedUnconfirmedAsync(letter, moderator);
        var confirmedButRejected = (await app.SignaturesAsync(letter, 1, SignatureState.Rejected)).Single();
        await app.SignaturesAsync(letter, 2);

        var queue = await moderator.GetDocumentAsync(Console.Queue(letter.Slug));
        Assert.Equal("AwaitingReview", queue.QuerySelector("#state option[selected]")!.GetAttribute("value"));
        Assert.Contains("Approve 2 AwaitingReview", queue.QuerySelector("button[value=approve-filter]")!.TextContent);

        var rejectedQueue = Console.Queue(letter.Slug, "?state=Rejected");
        Assert.Contains("Approve 1 Rejected", (await moderator.GetDocumentAsync(rejectedQueue)).QuerySelector("button[value=approve-filter]")!.TextContent);
        var response = await moderator.PostHandlerAsync(rejectedQueue, "Decide", new Dictionary<string, string> { ["command"] = "approve-filter" });
        var told = (await moderator.GetDocumentAsync(response.Headers.Location!.OriginalString)).Body!.TextContent;
        Assert.Contains("Approved 1 signature. 1 skipped", told);

        Assert.Equal(SignatureState.Rejected, (await app.SignatureAsync(spam.Id)).State);
        Assert.Equal(SignatureState.Published, (await app.SignatureAsync(confirmedButRejected.Id)).State);
    }

    [Fact]
    public async Task Imported_lines_sent_for_confirmation_cannot_be_approved_and_rejected_unconfirmed_ones_are_purged()
    {
        var letter = await app.PreModeratedLetterAsync("unconfirmed-import");
        var email = $"{Signer.Unique("imp")}@example.org";
        var (admin, preview) = await app.PreviewImportAsync(letter, $"name,email,country\nImported Person,{email},FR\n", "EmailEachSigner");
        await admin.CommitImportAsync(preview, letter.Slug);
        var imported = await app.Db(db => db.Signatures.SingleAsync(s => s.EmailHash == app.AddressHash(email)));

        var approve = await admin.PostHandlerAsync(Console.Queue(letter.Slug, "?state=Unverified"), "Decide",
            new Dictionary<string, string> { ["command"] = "approve-filter" });
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(SignatureState.Unverified, (await app.SignatureAsync(imported.Id)).State);

        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var rejected = await RejectedUnconfirmedAsync(letter, moderator);
        var confirmedRejected = (await app.SignaturesAsync(letter, 1, SignatureState.Rejected)).Single();
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.Services.GetRequiredService<RetentionSweep>().SweepAsync(default);
        var left = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.Id).ToListAsync());
        Assert.DoesNotContain(rejected.Id, left);
        Assert.DoesNotContain(imported.Id, left);
        Assert.Contains(confirmedRejected.Id, left);
    }
}
