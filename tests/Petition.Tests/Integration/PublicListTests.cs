using System.Net.Http.Json;
using System.Text.Json;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

public class PublicListTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<Letter> LetterWithSignaturesAsync(params (string Name, string Org, string Country, SignatureState State, bool Listed)[] rows)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("list"));
        var now = app.Clock.GetUtcNow();
        await app.Db(async db =>
        {
            foreach (var (name, org, country, state, listed) in rows)
            {
                var signature = new Signature
                {
                    LetterId = letter.Id, LetterVersion = 1, State = state, Source = SignatureSource.Form,
                    Name = name, Organization = org, Country = country, ListPublicly = listed,
                    Email = $"{Guid.NewGuid():N}@example.org", EmailHash = $"{Guid.NewGuid():N}@example.org",
                    CreatedAt = now, ConfirmedAt = now, PublishedAt = state == SignatureState.Published ? now : null,
                };
                signature.RefreshSearchText();
                db.Signatures.Add(signature);
            }
            await db.SaveChangesAsync();
        });
        return letter;
    }

    static (string, string, string, SignatureState, bool) Published(string name, string org = "WHO", string country = "CH") =>
        (name, org, country, SignatureState.Published, true);

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        // Published in the same instant: the id breaks the tie, so no row falls between two pages.
        var letter = await LetterWithSignaturesAsync(Enumerable.Range(1, 7).Select(i => Published($"Person {i}")).ToArray());
        var client = app.Client();
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?limit=3" + (after is null ? "" : $"&after={after}"));
            Assert.Equal(7, page.GetProperty("total").GetInt32());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            after = page.GetProperty("next").GetString();
            pages++;
        } while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"Person {i}").Reverse(), seen);
    }

    [Fact]
    public async Task Only_published_signers_who_chose_to_be_listed_appear_but_all_published_count()
    {
        var letter = await LetterWithSignaturesAsync(
            Published("Listed Person"),
            ("Private Person", "X", "FR", SignatureState.Published, false),
            ("Unconfirmed Person", "X", "FR", SignatureState.Unverified, true),
            ("Pending Person", "X", "FR", SignatureState.AwaitingReview, true),
            ("Rejected Person", "X", "FR", SignatureState.Rejected, true));
        var client = app.Client();

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Listed Person"], names);
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}");
        Assert.Equal(2, detail.GetProperty("signatureCount").GetInt32());
    }

    [Fact]
    public async Task Search_by_name_or_organisation_and_filter_by_country()
    {
        var letter = await LetterWithSignaturesAsync(
            Published("Marie Curie", "Institut du Radium", "FR"),
            Published("Zhang Wei", "Peking University", "CN"),
            Published("Олена Коваленко", "Kyiv Medical University", "UA"));
        var client = app.Client();

        async Task<List<string>> Names(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?{query}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

        Assert.Equal(["Marie Curie"], await Names("q=CURIE"));
        Assert.Equal(["Zhang Wei"], await Names("q=peking"));
        Assert.Equal(["Олена Коваленко"], await Names("q=олена"));
        Assert.Equal(["Zhang Wei"], await Names("country=cn"));
        Assert.Equal(2, (await Names("q=university")).Count);
        Assert.Empty(await Names("q=university&country=FR"));

        var page = await client.SignatoriesPageAsync(letter.Slug, "?q=radium");
        Assert.Contains("Marie Curie", page.QuerySelector("table.signatories")!.TextContent);
        Assert.DoesNotContain("Zhang Wei", page.QuerySelector("main")!.TextContent);
        Assert.Contains("1 matching signatory", page.QuerySelector(".total")!.TextContent);
    }

    [Fact]
    public async Task Names_are_shown_as_text_never_as_markup()
    {
        var letter = await LetterWithSignaturesAsync(Published("<script>alert('x')</script>", "<b>Org</b>"));
        var html = await app.Client().GetStringAsync($"/letters/{letter.Slug}/signatories");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}
