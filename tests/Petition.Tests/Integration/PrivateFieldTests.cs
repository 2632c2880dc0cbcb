using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>
/// A field the letter keeps private cannot be learnt from the public list by filtering or searching on it: with the
/// organisation, country and category private, asking for "country=IR" or searching for a ministry's name must not
/// single out the signers who gave it.
/// </summary>
public abstract class PrivateFieldTests(PetitionApp app)
{
    async Task<Letter> LetterKeepingAffiliationsPrivateAsync()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("private"), l =>
        {
            l.Fields = l.Fields with
            {
                Organization = new FieldRule(FieldMode.Optional, Public: false),
                Country = new FieldRule(FieldMode.Optional, Public: false),
                Category = new FieldRule(FieldMode.Optional, Public: false),
            };
            l.Categories = ["Journalist", "Doctor"];
        });
        var now = app.Clock.GetUtcNow();
        await app.Db(async db =>
        {
            foreach (var (name, organisation, country, category) in new[]
                     {
                         ("Dara Exile", "Secret Ministry", "IR", "Journalist"),
                         ("Farid Abroad", "Secret Ministry", "IR", "Journalist"),
                         ("Lena Open", "Clinic", "DE", "Doctor"),
                     })
            {
                var signature = new Signature
                {
                    LetterId = letter.Id, LetterVersion = 1, State = SignatureState.Published, Source = SignatureSource.Form,
                    Name = name, Organization = organisation, Country = country, Category = category, ListPublicly = true,
                    Email = $"{Guid.NewGuid():N}@example.org", EmailHash = $"{Guid.NewGuid():N}@example.org",
                    CreatedAt = now, ConfirmedAt = now, PublishedAt = now,
                };
                signature.RefreshSearchText();
                db.Signatures.Add(signature);
            }
            await db.SaveChangesAsync();
        });
        return letter;
    }

    static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Order().ToList();

    [Fact]
    public async Task Filtering_the_public_list_by_a_private_country_narrows_nothing()
    {
        var letter = await LetterKeepingAffiliationsPrivateAsync();
        var page = await app.Client().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?country=IR");
        Assert.Equal(["Dara Exile", "Farid Abroad", "Lena Open"], Names(page));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("country").ValueKind));
    }

    [Fact]
    public async Task A_search_finds_names_but_not_a_private_organisation()
    {
        var letter = await LetterKeepingAffiliationsPrivateAsync();
        var client = app.Client();
        var byOrganisation = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q=ministry");
        Assert.Empty(Names(byOrganisation));
        Assert.Equal(0, byOrganisation.GetProperty("total").GetInt32());
        // Nor across the join between the name and the organisation.
        Assert.Empty(Names(await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q=exile%20secret")));
        Assert.Equal(["Dara Exile"], Names(await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q=exile")));
    }

    [Fact]
    public async Task A_published_organisation_is_still_found_by_search()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("public-org"));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) =>
        {
            s.Organization = "Médecins du Monde";
            s.RefreshSearchText();
        });
        var page = await app.Client().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?q=m%C3%A9decins");
        Assert.Single(Names(page));
    }

    [Fact]
    public async Task The_signatory_page_offers_no_filter_or_column_for_private_fields()
    {
        var letter = await LetterKeepingAffiliationsPrivateAsync();
        var page = await app.Client().GetDocumentAsync($"/letters/{letter.Slug}/signatories?country=IR");
        Assert.Null(page.QuerySelector("select#country"));
        Assert.Equal("Name", page.QuerySelector("label[for=q]")!.TextContent.Trim());
        var headers = page.QuerySelectorAll("table.signatories th").Select(th => th.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Organisation", headers);
        Assert.DoesNotContain("Country", headers);
        Assert.Equal(3, page.QuerySelectorAll("table.signatories tbody tr").Length);
        Assert.DoesNotContain("country=", string.Join(" ", page.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))));
    }

    [Fact]
    public async Task The_public_download_ignores_filters_on_private_fields()
    {
        var letter = await LetterKeepingAffiliationsPrivateAsync();
        var response = await app.Client().GetAsync($"/api/letters/{letter.Slug}/signatures.csv?country=IR&category=Journalist");
        response.EnsureSuccessStatusCode();
        var table = ExportFiles.Table("csv", await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, table.Count); // the header and all three signatories
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Journalist", text);
        Assert.DoesNotContain("Secret Ministry", text);
        Assert.DoesNotContain("IR", table.Skip(1).SelectMany(row => row));
    }
}

public class SqlitePrivateFieldTests(SqliteFixture fixture) : PrivateFieldTests(fixture.App), IClassFixture<SqliteFixture>;

public class PostgresPrivateFieldTests(PostgresFixture fixture) : PrivateFieldTests(fixture.App), IClassFixture<PostgresFixture>;
