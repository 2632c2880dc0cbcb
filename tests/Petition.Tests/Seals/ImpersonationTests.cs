using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Seals;

/// <summary>
/// The impersonation guard: a name like a watched one, or like a notable signatory's, waits for a moderator on a
/// letter that publishes at once, and the queue says why; the owner of an address used by someone else withdraws
/// the signature from the emailed link, and the organisers are told.
/// </summary>
public class ImpersonationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<Signature> SignAndConfirmAsync(string slug, string name)
    {
        var email = $"{Signer.Unique("imp")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(slug, Signer.ApiBody(name, email))).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        return await app.Db(db => db.Signatures.OrderBy(s => s.Id).LastAsync(s => s.Letter.Slug == slug));
    }

    [Fact]
    public async Task A_watched_name_or_a_notable_signatorys_look_alike_waits_for_a_moderator()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("watched")); // published at once (post-moderation)
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var watched = Signer.Unique("Ngozi Okonjo");
        var page = await admin.GetDocumentAsync("/admin/trust/watch-list");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "/admin/trust/watch-list?handler=Add",
            new Dictionary<string, string> { ["Name"] = watched, ["Note"] = "Head of a UN agency" }, "main form[action*='handler=Add']")).StatusCode);
        var bad = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/trust/watch-list"), "/admin/trust/watch-list?handler=Add",
            new Dictionary<string, string> { ["Name"] = " " }, "main form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode); // the form again, saying what is wrong
        Assert.Contains("Give the name to watch for", (await bad.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);

        // The same name in capitals with an accent, in the other order: held, and the queue says why. (Letters
        // borrowed from another script are refused by the sign form itself, TextRules; the matcher knows them too.)
        var parts = watched.Split(' ');
        var disguised = await SignAndConfirmAsync(letter.Slug, $"{parts[1].ToUpperInvariant()} {parts[0].Replace('o', 'ó')}");
        Assert.Equal(SignatureState.AwaitingReview, disguised.State);
        Assert.Contains($"watch list: {watched}", disguised.ModerationReason);
        var queue = await admin.GetStringAsync($"/admin/letters/{letter.Slug}/signatures");
        Assert.Contains($"watch list: {watched}", queue);

        // Notable signatories are watched without being listed.
        var famous = await SignAndConfirmAsync(letter.Slug, "Wangari Muta Maathai");
        Assert.Equal(SignatureState.Published, famous.State);
        await app.Db(db => db.Signatures.Where(s => s.Id == famous.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Notable, true)));
        app.Services.GetRequiredService<Petition.Web.Abuse.WatchList>().Invalidate(); // as marking notable in the console would
        var lookAlike = await SignAndConfirmAsync(letter.Slug, "W. Maathai");
        Assert.Equal(SignatureState.AwaitingReview, lookAlike.State);
        Assert.Contains("notable signatory: Wangari Muta Maathai", lookAlike.ModerationReason);
        Assert.Equal(SignatureState.Published, (await SignAndConfirmAsync(letter.Slug, "Someone Else Entirely")).State);
    }

    [Fact]
    public async Task The_owner_of_an_address_used_by_someone_else_withdraws_the_signature_from_the_link()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("notme"));
        var email = $"{Signer.Unique("laureate")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("A Laureate", email))).StatusCode);
        var message = await app.Smtp.WaitForAsync(email);
        Assert.Contains("This was not me", message.TextBody);
        var path = Signer.ConfirmPathIn(message);

        var client = app.Client();
        var confirmPage = await client.GetDocumentAsync(path);
        var response = await client.SubmitAsync(confirmPage, path, formSelector: "form.not-me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("has been withdrawn", (await response.ReadDocumentAsync()).QuerySelector("main")!.TextContent);

        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal(SignatureState.Withdrawn, signature.State);
        Assert.Equal("", signature.Name); // erased
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.SignatureId == signature.Id && a.Action == "signature.disowned")));
        // The link confirms nothing afterwards.
        Assert.Null((await client.GetDocumentAsync(path)).QuerySelector("#confirm-submit"));
        Assert.Equal(0, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id && s.State != SignatureState.Withdrawn)));
    }

    async Task<string> ManagePathOfAsync(string slug, string name)
    {
        var email = $"{Signer.Unique("rename")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(slug, Signer.ApiBody(name, email))).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        return Signer.ManagePathIn(await app.Smtp.WaitForAsync(email));
    }

    async Task RenameAsync(string manage, string name)
    {
        var client = app.Client();
        var response = await client.SubmitAsync(await client.GetDocumentAsync(manage), manage,
            new Dictionary<string, string> { ["Input.Name"] = name }, formSelector: "form[action$='/correct']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>
    /// The other door to a name: sign as nobody, get published at once, then rename into the watched name from the
    /// manage page. Held the same way; and a signature the organisers checked does not carry the check to a new name.
    /// </summary>
    [Fact]
    public async Task Renaming_a_published_signature_into_a_watched_name_or_renaming_a_checked_one_waits_for_a_moderator()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("rename")); // published at once (post-moderation)
        var watched = Signer.Unique("Denis Mukwege");
        await app.Db(async db =>
        {
            db.WatchedNames.Add(new Petition.Data.Moderation.WatchedName { Name = watched, CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<Petition.Web.Abuse.WatchList>().Invalidate();

        var manage = await ManagePathOfAsync(letter.Slug, "Plain Nobody");
        Assert.Equal(SignatureState.Published, await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.State).SingleAsync()));
        await RenameAsync(manage, watched.ToUpperInvariant());
        var renamed = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal(SignatureState.AwaitingReview, renamed.State);
        Assert.Contains($"watch list: {watched}", renamed.ModerationReason);
        Assert.DoesNotContain(watched.ToUpperInvariant(), (await app.Visitor().SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent);

        // A checked signature renamed (to anyone) goes back to a moderator instead of keeping its check in public.
        var other = await app.AddLetterAsync(Signer.Unique("checked"));
        var checkedManage = await ManagePathOfAsync(other.Slug, "Checked Person");
        await app.Db(db => db.Signatures.Where(s => s.LetterId == other.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.CheckedNote, "video call").SetProperty(x => x.Verification, Verification.Checked)));
        await RenameAsync(checkedManage, "Somebody Else");
        Assert.Equal(SignatureState.AwaitingReview, await app.Db(db => db.Signatures.Where(s => s.LetterId == other.Id).Select(s => s.State).SingleAsync()));
    }
}
