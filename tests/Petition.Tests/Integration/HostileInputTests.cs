using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>What people who want the list discredited or its signers exposed will type. No 5xx, ever.</summary>
public class HostileInputTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    public static readonly string[] Corpus =
    [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE \"Signatures\"; --",
        "Robert'); DELETE FROM \"Letters\";--",
        "\u202Egnp.exe",
        "Jo\u200Bhn Sm\u200Dith",
        "\u0410pple Inc",
        "Evil\r\nBcc: victim@example.org",
        "Null\0byte",
        "Emoji 🙂 Name",
        "{{7*7}} ${7*7} @(7*7)",
        "%0d%0aSet-Cookie: x=y",
    ];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var field in new[] { "name", "title", "organization", "city", "comment" })
            for (var i = 0; i < Corpus.Length; i++)
                data.Add(field, i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_api_answers_every_hostile_value_with_202_or_a_field_error(string field, int index)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("hostile"));
        var body = Signer.ApiBody("Plain Name", $"{Signer.Unique("h")}@example.org");
        body[field] = Corpus[index];
        var response = await app.Client().SignByApiAsync(letter.Slug, body);

        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.BadRequest, $"{response.StatusCode} for {field}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
            Assert.Equal(0, await app.SignatureCountAsync(letter.Slug));
        }
    }

    [Fact]
    public async Task Control_and_spoofing_characters_in_names_are_refused()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("spoof"));
        foreach (var name in new[] { "\u202Egnp.exe", "\u0410pple Inc", "Evil\r\nBcc: victim@example.org", "Null\0byte", "Lone " + (char)0xD800 })
        {
            var response = await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody(name, $"{Signer.Unique("s")}@example.org"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var zeroWidth = await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Jo\u200Bhn Sm\u200Dith", "zw@example.org"));
        Assert.Equal(HttpStatusCode.Accepted, zeroWidth.StatusCode);
        Assert.Equal("John Smith", await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_megabyte_in_a_field_is_refused_before_it_is_read_on_the_api_and_the_form()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("huge"));
        var huge = new string('A', 1_000_000);
        var api = await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody(huge, "huge@example.org"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode); // the body limit (64 KB), before any parsing
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var values = Signer.FormValues("Fine Name", "huge@example.org");
        values["Input.Organization"] = huge;
        var form = await app.Client().SignByFormAsync(letter.Slug, values);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.StatusCode);
        Assert.Equal(0, await app.SignatureCountAsync(letter.Slug));
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_on_the_api_and_stays_inert_text_on_the_form()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("utf8"));
        var bytes = Encoding.UTF8.GetBytes("{\"name\":\"Bad ").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\",\"email\":\"u@example.org\"}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var api = await app.Client().PostAsync($"/api/letters/{letter.Slug}/signatures", content);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);

        var client = app.Client();
        var form = Encoding.ASCII.GetBytes("Input.Email=u%40example.org&Input.Listing=public&Input.AcceptPrivacy=true&Input.Name=Bad%C3%28%FF");
        var formContent = new ByteArrayContent(form);
        formContent.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await client.PostAsync($"/letters/{letter.Slug}", formContent);
        // The form decoder leaves an invalid escape as the literal text "%C3(%FF": stored as typed, valid text, harmless.
        Assert.True((int)response.StatusCode < 500);
        var names = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.Name).ToListAsync());
        Assert.All(names, name => Assert.True(Petition.Web.Text.TextRules.IsClean(name)));
    }

    [Fact]
    public async Task A_unicode_email_domain_signs_and_receives_its_email()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("idn"));
        var response = await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Ana Müller", "ana@bücher.example"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address.Contains("ana@")));
        Assert.Contains("/confirm/", message.TextBody);
    }

    [Fact]
    public async Task Nothing_typed_reaches_an_email_header()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("header"));
        var body = Signer.ApiBody("Plain Name", "header@example.org");
        body["organization"] = "Org\r\nBcc: victim@example.org";
        body["city"] = "Town\nX-Injected: yes";
        await app.Client().SignByApiAsync(letter.Slug, body);
        await app.DrainOutboxAsync(); // whatever this signature sends has gone out
        foreach (var message in app.Smtp.Received)
        {
            Assert.DoesNotContain(message.Bcc.Mailboxes, m => m.Address == "victim@example.org");
            Assert.Null(message.Headers["X-Injected"]);
        }
    }
}
