using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Audit;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Admin;

public class ReviewQueueTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    Task<List<AuditEntry>> AuditOf(long signatureId) =>
        app.Db(db => db.Audit.AsNoTracking().Where(e => e.SignatureId == signatureId).OrderBy(e => e.Id).ToListAsync());

    async Task<List<string>> PublicNames(string slug, string query = "") =>
        (await app.Client().GetFromJsonAsync<JsonElement>($"/api/letters/{slug}/signatures{query}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task A_moderator_approves_a_pending_signature_which_is_then_listed_and_audited()
    {
        var moderator = await app.CreateModeratorAsync();
        var client = await app.SignInAsync(moderator);
        var letter = await app.PreModeratedLetterAsync();
        var pending = (await app.SignaturesAsync(letter, 1, configure: (s, _) => s.Name = "Ada Pending"))[0];
        Assert.Empty(await PublicNames(letter.Slug));

        var response = await client.PostHandlerAsync(Console.SignaturePage(letter.Slug, pending.Id), "Decide",
            new Dictionary<string, string> { ["verdict"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var approved = await app.SignatureAsync(pending.Id);
        Assert.Equal(SignatureState.Published, approved.State);
        Assert.Equal(moderator.Email, approved.ModeratedBy);
        Assert.Equal(["Ada Pending"], await PublicNames(letter.Slug));
        var entry = Assert.Single(await AuditOf(pending.Id));
        Assert.Equal(AuditActions.SignatureApproved, entry.Action);
        Assert.Equal(moderator.Id, entry.ActorId);
        Assert.Equal(letter.Id, entry.LetterId);
        Assert.Contains("AwaitingReview", entry.Before);
        Assert.Contains("Published", entry.After);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_takes_a_published_signature_off_the_count()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("post"));
        var published = (await app.SignaturesAsync(letter, 1, SignatureState.Published))[0];
        var page = Console.SignaturePage(letter.Slug, published.Id);
        Assert.Equal(1, await PublicCount(letter.Slug));

        await client.PostHandlerAsync(page, "Decide", new Dictionary<string, string> { ["verdict"] = "Reject" });
        Assert.Equal(SignatureState.Published, (await app.SignatureAsync(published.Id)).State);

        await client.PostHandlerAsync(page, "Decide", new Dictionary<string, string>
            { ["verdict"] = "Reject", ["reason"] = "Fake or implausible name", ["note"] = "cartoon character" });
        var rejected = await app.SignatureAsync(published.Id);
        Assert.Equal(SignatureState.Rejected, rejected.State);
        Assert.Equal("Fake or implausible name: cartoon character", rejected.ModerationReason);
        Assert.Equal(0, await PublicCount(letter.Slug));
        Assert.Equal(AuditActions.SignatureRejected, Assert.Single(await AuditOf(published.Id)).Action);
    }

    async Task<int> PublicCount(string slug) =>
        (await app.Client().GetFromJsonAsync<JsonElement>($"/api/letters/{slug}")).GetProperty("signatureCount").GetInt32();

    [Fact]
    public async Task Notable_signatories_come_first_in_their_order_and_pages_still_follow_without_gaps()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("notable"));
        var rows = await app.SignaturesAsync(letter, 7, SignatureState.Published, configure: (s, i) => s.Name = $"Person {i}");
        // Person 0 is the newest; mark two older ones notable, the later-marked one first by explicit order.
        await client.PostHandlerAsync(Console.SignaturePage(letter.Slug, rows[5].Id), "Notable",
            new Dictionary<string, string> { ["order"] = "2" });
        await client.PostHandlerAsync(Console.SignaturePage(letter.Slug, rows[3].Id), "Notable",
            new Dictionary<string, string> { ["order"] = "1" });

        Assert.Equal(["Person 3", "Person 5", "Person 0", "Person 1", "Person 2", "Person 4", "Person 6"], await PublicNames(letter.Slug));
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await app.Client().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?limit=2" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            after = page.GetProperty("next").GetString();
        } while (after is not null);
        Assert.Equal(["Person 3", "Person 5", "Person 0", "Person 1", "Person 2", "Person 4", "Person 6"], seen);

        var html = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("Person 3", html.QuerySelector(".signatory-list li .signatory-name")!.TextContent);

        await client.PostHandlerAsync(Console.SignaturePage(letter.Slug, rows[3].Id), "Notable");
        Assert.Equal("Person 5", (await PublicNames(letter.Slug))[0]);
        Assert.Equal([AuditActions.SignatureMarkedNotable, AuditActions.SignatureUnmarkedNotable], (await AuditOf(rows[3].Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_hidden_name_leaves_the_public_list_but_still_counts()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("hide"));
        var rows = await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, i) => s.Name = $"Person {i}");
        await client.PostHandlerAsync(Console.SignaturePage(letter.Slug, rows[0].Id), "Hidden");

        Assert.Equal(["Person 1"], await PublicNames(letter.Slug));
        Assert.Equal(2, await PublicCount(letter.Slug));
        var list = await app.Client().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(AuditActions.SignatureHidden, Assert.Single(await AuditOf(rows[0].Id)).Action);
    }

    [Fact]
    public async Task A_typo_is_corrected_at_the_signers_request_with_the_change_in_the_audit()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("typo"));
        var row = (await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => s.Name = "Jonh Smith"))[0];
        var page = Console.SignaturePage(letter.Slug, row.Id);

        var invalid = await client.PostHandlerAsync(page, "Correct", new Dictionary<string, string> { ["Correction.Name"] = "John Smith" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode); // the note is required
        Assert.Equal("Jonh Smith", (await app.SignatureAsync(row.Id)).Name);

        await client.PostHandlerAsync(page, "Correct", new Dictionary<string, string>
            { ["Correction.Name"] = "John Smith", ["Correction.Note"] = "email of 27 November" });
        Assert.Equal(["John Smith"], await PublicNames(letter.Slug, "?q=john"));
        var entry = Assert.Single(await AuditOf(row.Id));
        Assert.Equal(AuditActions.SignatureCorrected, entry.Action);
        Assert.Equal("""{"name":"Jonh Smith"}""", entry.Before);
        Assert.Equal("""{"name":"John Smith"}""", entry.After);
        Assert.Equal("email of 27 November", entry.Detail);
    }

    [Fact]
    public async Task Deleting_on_request_erases_personal_data_and_keeps_the_row_for_the_history()
    {
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("erase"));
        var row = (await app.SignaturesAsync(letter, 1, SignatureState.Published, network: "abc123",
            configure: (s, _) => { s.Name = "Erin Erased"; s.Comment = "personal"; }))[0];
        await client.PostHandlerAsync(Console.SignaturePage(letter.Slug, row.Id), "Erase",
            new Dictionary<string, string> { ["note"] = "signer's email" });

        var erased = await app.SignatureAsync(row.Id);
        Assert.Equal(SignatureState.Withdrawn, erased.State);
        Assert.DoesNotContain("Erin", erased.Name);
        Assert.DoesNotContain(row.Email, erased.Email);
        Assert.Null(erased.Comment);
        Assert.Null(erased.NetworkHash);
        Assert.NotNull(erased.PublishedAt); // the count's history still has it
        Assert.Equal(0, await PublicCount(letter.Slug));
        var entry = Assert.Single(await AuditOf(row.Id));
        Assert.Equal(AuditActions.SignatureErased, entry.Action);
        Assert.DoesNotContain("Erin", entry.Before + entry.After + entry.Detail);
    }
}
