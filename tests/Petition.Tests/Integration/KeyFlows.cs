using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>The signing path, run once on SQLite and once on a real PostgreSQL server.</summary>
public abstract class KeyFlows(PetitionApp app)
{
    [Fact]
    public async Task A_signature_made_on_the_form_is_confirmed_by_the_emailed_link_and_listed()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("form"));
        var client = app.Client();
        var email = $"{Signer.Unique("signer")}@example.org";

        var signed = await client.SignByFormAsync(letter.Slug, Signer.FormValues("Ngozi Adichie", email));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal($"/letters/{letter.Slug}/check-email", signed.Headers.Location?.OriginalString);

        var link = await app.ConfirmationPathAsync(email);
        var preview = await client.GetDocumentAsync(link);
        Assert.Contains("Ngozi Adichie", preview.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await CountAsync(client, letter.Slug)); // opening the link alone signs nothing

        var confirmed = await client.ConfirmAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        Assert.Equal(1, await CountAsync(client, letter.Slug));
        var list = await client.SignatoriesPageAsync(letter.Slug);
        Assert.Contains("Ngozi Adichie", list.QuerySelector("table.signatories")!.TextContent);
        Assert.DoesNotContain(email, list.Body!.InnerHtml);
    }

    [Fact]
    public async Task The_api_accepts_a_signature_with_202_and_lists_it_once_confirmed()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("api"));
        var client = app.Client();
        var email = $"{Signer.Unique("api")}@example.org";

        var response = await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Amara Okafor", email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q=okafor");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Amara Okafor", item.GetProperty("name").GetString());
        Assert.Equal("NG", item.GetProperty("country").GetString());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.DoesNotContain("@", page.GetRawText());
    }

    [Fact]
    public async Task Invalid_input_gets_field_errors_and_stores_nothing()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("invalid"));
        var client = app.Client();

        var api = await client.SignByApiAsync(letter.Slug, Signer.ApiBody("", "not-an-email"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("name", out _));

        var form = await client.SignByFormAsync(letter.Slug, Signer.FormValues("Kept Name", "kept@") );
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await form.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("#Input_Email_error"));
        Assert.Equal("Kept Name", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("kept@", page.QuerySelector("#Input_Email")!.GetAttribute("value"));

        Assert.Equal(0, await app.SignatureCountAsync(letter.Slug));
        Assert.Equal(0, await app.Db(db => db.Outbox.CountAsync(m => m.ToHash == app.RecipientHash("kept@"))));
    }

    [Fact]
    public async Task Signing_again_with_the_same_address_looks_the_same_and_never_signs_twice()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("twice"));
        var client = app.Client();
        var email = $"{Signer.Unique("twice")}@example.org";

        var first = await client.SignByFormAsync(letter.Slug, Signer.FormValues("First Spelling", email));
        var firstLink = await app.ConfirmationPathAsync(email);
        var second = await client.SignByFormAsync(letter.Slug, Signer.FormValues("Second Spelling", email.ToUpperInvariant()));
        Assert.Equal(first.Headers.Location, second.Headers.Location);

        // While unconfirmed, each link confirms exactly the details its own email showed (decision 020).
        var secondLink = await app.ConfirmationPathAsync(email.ToUpperInvariant(), 1);
        Assert.NotEqual(firstLink, secondLink);
        Assert.Contains("First Spelling", (await client.GetDocumentAsync(firstLink)).QuerySelector("dl.details")!.TextContent);
        Assert.Contains("Second Spelling", (await client.GetDocumentAsync(secondLink)).QuerySelector("dl.details")!.TextContent);
        await client.ConfirmAsync(secondLink);

        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Third Spelling", email));
        var already = await app.Smtp.WaitForAsync(m =>
            m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))
            && m.Subject?.StartsWith("You have already signed") == true);
        Assert.DoesNotContain("/confirm/", already.TextBody);

        var stored = await app.Db(db => db.Signatures.Where(s => s.Letter.Slug == letter.Slug).ToListAsync());
        var signature = Assert.Single(stored);
        Assert.Equal("Second Spelling", signature.Name);
        Assert.Equal(SignatureState.Published, signature.State);
        Assert.Equal(1, await CountAsync(client, letter.Slug));
    }

    [Fact]
    public async Task A_burst_of_signatures_is_stored_once_per_address_and_every_one_answered()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("burst"));
        var client = app.Client();
        // Sixty requests at once: within the test server's 100 PostgreSQL connections shared by every fixture.
        var emails = Enumerable.Range(0, 50).Select(_ => $"{Signer.Unique("burst")}@example.org").ToList();
        // Ten addresses sign twice at the same moment: the batch that takes them in must still store one each.
        var responses = await Task.WhenAll(emails.Concat(emails.Take(10))
            .Select(email => client.SignByApiAsync(letter.Slug, Signer.ApiBody("Burst Signer", email))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(50, await app.SignatureCountAsync(letter.Slug));
        var recipients = emails.Select(app.RecipientHash).ToList();
        Assert.Equal(60, await app.Db(db => db.Outbox.CountAsync(m => recipients.Contains(m.ToHash!))));
    }

    /// <summary>The public count; a confirmation on this instance refreshes it at once.</summary>
    protected static async Task<int> CountAsync(HttpClient client, string slug)
    {
        var letter = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{slug}");
        return letter.GetProperty("signatureCount").GetInt32();
    }
}

public class SqliteKeyFlows(SqliteFixture fixture) : KeyFlows(fixture.App), IClassFixture<SqliteFixture>;

public class PostgresKeyFlows(PostgresFixture fixture) : KeyFlows(fixture.App), IClassFixture<PostgresFixture>;
