using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Petition.Tests.Browser;
using Petition.Tests.Infrastructure;
using Petition.Web.Abuse;

namespace Petition.Tests.Integration;

public class ProofOfWorkTests
{
    static readonly Dictionary<string, string?> Easy = new() { ["ProofOfWork:Difficulty"] = "8" };

    [Fact]
    public async Task Under_attack_the_api_takes_only_signatures_that_did_the_work_once()
    {
        await using var app = await PetitionApp.StartAsync(settings: Easy);
        var letter = await app.AddLetterAsync(Signer.Unique("pow"), l => l.RequireProofOfWork = true);
        var client = app.Client();

        var lazy = await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Lazy Robot", "lazy@example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, lazy.StatusCode);
        Assert.True((await lazy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("powNonce", out _));

        var challenge = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/challenge");
        Assert.Equal(ProofOfWork.Algorithm, challenge.GetProperty("algorithm").GetString());
        var text = challenge.GetProperty("challenge").GetString()!;
        var body = Signer.ApiBody("Patient Person", "patient@example.org");
        body["powChallenge"] = text;
        body["powNonce"] = ProofOfWork.Solve(text, challenge.GetProperty("difficulty").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync(letter.Slug, body)).StatusCode);

        body["email"] = "replay@example.org";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SignByApiAsync(letter.Slug, body)).StatusCode);
        Assert.Equal(1, await app.SignatureCountAsync(letter.Slug));
    }

    [Fact]
    public async Task In_chromium_the_form_solves_the_challenge_with_the_sites_own_script()
    {
        await using var app = await PetitionApp.StartOnSocketAsync(Easy);
        var letter = await app.AddLetterAsync("under-attack", l => l.RequireProofOfWork = true);
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync();
        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled on the browser's event thread
        page.Request += (_, r) => requested.Enqueue(r.Url);

        var form = new LetterPage(page);
        await form.OpenAsync(app.BaseUrl, letter.Slug);
        await form.SignAsync("Solver Person", "solver@example.org", "Engineer", "Some Lab", "Kenya");

        await Assertions.Expect(form.Heading).ToHaveTextAsync("Check your email");
        Assert.Equal(1, await app.SignatureCountAsync(letter.Slug));
        Assert.All(requested, url => Assert.StartsWith(app.BaseUrl, url));
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0xFF }, 16)]
    [InlineData(new byte[] { 0x0F, 0xFF }, 4)]
    [InlineData(new byte[] { 0x80 }, 0)]
    [InlineData(new byte[] { 0x00, 0x01 }, 15)]
    public void Leading_zero_bits(byte[] hash, int bits) => Assert.Equal(bits, ProofOfWork.LeadingZeroBits(hash));
}
