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
                    EmailCanonical = $"{Guid.NewGuid():N}@example.org", CreatedAt = now, ConfirmedAt = now, PublishedAt = now,
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
}

public class SqliteSearchTests(SqliteFixture fixture) : SearchTests(fixture.App), IClassFixture<SqliteFixture>;

public class PostgresSearchTests(PostgresFixture fixture) : SearchTests(fixture.App), IClassFixture<PostgresFixture>;
