using System.Net.Http.Json;
using System.Text.Json;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>Search is a LIKE on both providers (the trigram index serves it on PostgreSQL); its wildcards are the user's text.</summary>
public abstract class SearchTests(PetitionApp app)
{
    [Fact]
    public async Task Percent_underscore_and_backslash_in_a_search_match_themselves()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("search"));
        await app.Db(async db =>
        {
            var now = app.Clock.GetUtcNow();
            foreach (var (name, org) in new[] { ("Ana Lima", "100% Health"), ("Bo Chen", "Open_Data Lab"), ("Cy Dorn", @"C:\Clinic"), ("Di Ezra", "1000 Health") })
            {
                var signature = new Signature
                {
                    LetterId = letter.Id, LetterVersion = 1, State = SignatureState.Published, Source = SignatureSource.Api,
                    Name = name, Organization = org, ListPublicly = true, Email = $"{Guid.NewGuid():N}@example.org",
                    EmailHash = $"{Guid.NewGuid():N}@example.org", CreatedAt = now, ConfirmedAt = now, PublishedAt = now,
                };
                signature.RefreshSearchText();
                db.Signatures.Add(signature);
            }
            await db.SaveChangesAsync();
        });
        var client = app.Client();

        async Task<List<string>> Names(string q) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q={Uri.EscapeDataString(q)}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

        Assert.Equal(["Ana Lima"], await Names("100%"));
        Assert.Equal(["Bo Chen"], await Names("open_data"));
        Assert.Empty(await Names("open%data"));
        Assert.Equal(["Cy Dorn"], await Names(@"c:\clinic"));
        Assert.Equal(2, (await Names("health")).Count);
    }

    [Fact]
    public async Task A_common_name_shows_more_than_a_thousand_matches_its_notable_signatory_first_then_the_newest()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("common"));
        var start = app.Clock.GetUtcNow();
        await app.Db(async db =>
        {
            // 1,199 signers called Nowak, one second apart, every thirteenth someone else, and one rare name.
            for (var i = 0; i < 1_300; i++)
            {
                var name = i % 13 == 12 ? $"Other Person {i}" : $"Jan Nowak {i}";
                if (i == 7) name = "Ewa Rzadka";
                var at = start.AddSeconds(i);
                var signature = new Signature
                {
                    LetterId = letter.Id, LetterVersion = 1, State = SignatureState.Published, Source = SignatureSource.Import,
                    Name = name, Organization = "Clinic", ListPublicly = true, Email = $"{i}-{Guid.NewGuid():N}@example.org",
                    EmailHash = $"{i}-{Guid.NewGuid():N}@example.org", CreatedAt = at, ConfirmedAt = at, PublishedAt = at,
                };
                if (i == 5)
                    (signature.Notable, signature.NotableOrder) = (true, 1); // heads the list, and so every search it matches
                signature.RefreshSearchText();
                db.Signatures.Add(signature);
            }
            await db.SaveChangesAsync();
        });
        var client = app.Client();

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q=nowak&limit=3");
        Assert.Equal(1_000, first.GetProperty("total").GetInt32());
        Assert.False(first.GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(["Jan Nowak 5", "Jan Nowak 1298", "Jan Nowak 1297"], Names(first)); // 1299 is someone else
        var second = await client.GetFromJsonAsync<JsonElement>(
            $"/api/letters/{letter.Slug}/signatures?q=nowak&limit=3&after={first.GetProperty("next").GetString()}");
        Assert.Equal(["Jan Nowak 1296", "Jan Nowak 1295", "Jan Nowak 1294"], Names(second));

        var rare = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q=rzadka");
        Assert.Equal(1, rare.GetProperty("total").GetInt32());
        Assert.True(rare.GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(["Ewa Rzadka"], Names(rare));

        var page = await client.GetDocumentAsync($"/letters/{letter.Slug}/signatories?q=nowak");
        Assert.Equal("More than 1,000 matching signatories", page.QuerySelector("p.total")!.TextContent.Trim());
    }

    static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}

public class SqliteSearchTests(SqliteFixture fixture) : SearchTests(fixture.App), IClassFixture<SqliteFixture>;

public class PostgresSearchTests(PostgresFixture fixture) : SearchTests(fixture.App), IClassFixture<PostgresFixture>;
