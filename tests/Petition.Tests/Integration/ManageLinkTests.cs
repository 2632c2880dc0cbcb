using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public class ManageLinkTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<(Letter Letter, string Email, string ManagePath)> ConfirmedSignatureAsync(Action<Letter>? configure = null)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("manage"), configure);
        var client = app.Client();
        var email = $"{Signer.Unique("manage")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Grace Hopper", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        return (letter, email, Signer.ManagePathIn(app.Smtp.To(email)[0]));
    }

    [Fact]
    public async Task Every_email_to_a_signer_carries_a_private_manage_link()
    {
        var (letter, email, _) = await ConfirmedSignatureAsync();
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Grace Hopper", email));
        var already = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject!.StartsWith("You have already"));
        Assert.Matches(Signer.ManageLink(), already.TextBody!);
        Assert.Equal(2, await app.Db(db => db.SignatureTokens.CountAsync(t => t.Signature.EmailHash == app.AddressHash(email))));
    }

    [Fact]
    public async Task The_signer_sees_what_is_stored_and_can_download_it()
    {
        var (_, email, manage) = await ConfirmedSignatureAsync();
        var client = app.Client();
        var page = await client.GetDocumentAsync(manage);
        Assert.Contains(email, page.QuerySelector("main")!.TextContent);
        Assert.Equal("Grace Hopper", page.QuerySelector("#Input_Name")!.GetAttribute("value"));

        var data = await client.GetAsync(manage + "/data");
        Assert.Equal("application/json", data.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", data.Content.Headers.ContentDisposition?.DispositionType);
        var json = JsonDocument.Parse(await data.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(email, json.GetProperty("email").GetString());
        Assert.Equal("Published", json.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_correction_is_saved_and_on_a_pre_moderated_letter_goes_back_to_review()
    {
        var (letter, _, manage) = await ConfirmedSignatureAsync(l => l.ModerationMode = ModerationMode.Pre);
        await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SignatureState.Published).SetProperty(x => x.PublishedAt, app.Clock.GetUtcNow())));
        var client = app.Client();
        var page = await client.GetDocumentAsync(manage);
        var response = await client.SubmitAsync(page, manage, new Dictionary<string, string> { ["Input.Name"] = "Grace B. Hopper" },
            formSelector: "form[action$='/correct']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal("Grace B. Hopper", signature.Name);
        Assert.Equal(SignatureState.AwaitingReview, signature.State);
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.SignatureId == signature.Id && a.Action == "signature.corrected")));
    }

    [Fact]
    public async Task A_bad_correction_shows_the_error_and_changes_nothing()
    {
        var (letter, _, manage) = await ConfirmedSignatureAsync();
        var client = app.Client();
        var page = await client.GetDocumentAsync(manage);
        var response = await client.SubmitAsync(page, manage, new Dictionary<string, string> { ["Input.Name"] = "http://spam.example" },
            formSelector: "form[action$='/correct']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadDocumentAsync()).QuerySelector("#Input_Name_error"));
        Assert.Equal("Grace Hopper", await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task Withdrawing_erases_the_signer_drops_the_count_and_kills_the_link()
    {
        var (letter, email, manage) = await ConfirmedSignatureAsync();
        var client = app.Client();
        await client.SubmitAsync(await client.GetDocumentAsync(manage), manage,
            new Dictionary<string, string> { ["Input.Name"] = "Grace M. Hopper" }, formSelector: "form[action$='/correct']");
        Assert.Equal(HttpStatusCode.Redirect, (await client.WithdrawAsync(manage)).StatusCode);

        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal(SignatureState.Withdrawn, signature.State);
        Assert.Equal("", signature.Name);
        Assert.DoesNotContain(email, JsonSerializer.Serialize(signature, new JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles }));
        Assert.Null(signature.IpAddress);
        var audit = await app.Db(db => db.Audit.SingleAsync(a => a.SignatureId == signature.Id && a.Action == "signature.withdrawn"));
        Assert.Null(audit.IpAddress);
        Assert.DoesNotContain("Grace", audit.Before + audit.After);
        var correction = await app.Db(db => db.Audit.SingleAsync(a => a.SignatureId == signature.Id && a.Action == "signature.corrected"));
        Assert.DoesNotContain("Grace", correction.Before + correction.After + correction.Detail);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(manage)).StatusCode);
        var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/letters/{letter.Slug}")).RootElement;
        Assert.Equal(0, detail.GetProperty("signatureCount").GetInt32());

        // The address is free again: its owner may sign anew.
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Grace Hopper", email));
        await app.ConfirmationPathAsync(email, 2);
    }

    [Fact]
    public async Task Unsubscribing_is_remembered()
    {
        var (letter, _, manage) = await ConfirmedSignatureAsync();
        var client = app.Client();
        await client.SubmitAsync(await client.GetDocumentAsync(manage), manage, formSelector: "form[action$='/unsubscribe']");
        Assert.True(await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.Unsubscribed).SingleAsync()));
    }

    [Fact]
    public async Task An_expired_or_unknown_manage_link_is_refused()
    {
        var (_, _, manage) = await ConfirmedSignatureAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(manage)).StatusCode);
    }
}
