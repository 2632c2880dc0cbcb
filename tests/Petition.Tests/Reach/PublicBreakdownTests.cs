using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Reach;

namespace Petition.Tests.Reach;

/// <summary>
/// The counts per country, per section and per day count only what the public may see: a country with one
/// signatory names them as surely as the list does, so the map follows the list's rules to the letter.
/// </summary>
public abstract class PublicBreakdownTests(PetitionApp app)
{
    Task<Breakdown> BreakdownAsync(Letter letter) => app.Services.GetRequiredService<PublicBreakdowns>().GetAsync(letter);

    [Fact]
    public async Task Countries_count_only_published_listed_signatories_not_hidden_whose_country_is_public()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("map"));
        await app.SignaturesAsync(letter, 3, SignatureState.Published, configure: (s, _) => s.Country = "FR");
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Country, s.Hidden) = ("DE", true));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Country, s.ListPublicly, s.Visibility) = ("IT", false, Visibility.Counted));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Country, s.Visibility) = ("PT", Visibility.Initials));
        await app.SignaturesAsync(letter, 1, SignatureState.Unverified, configure: (s, _) => s.Country = "ES");
        await app.SignaturesAsync(letter, 1, SignatureState.AwaitingReview, configure: (s, _) => s.Country = "ES");
        await app.SignaturesAsync(letter, 1, SignatureState.Rejected, configure: (s, _) => s.Country = "ES");

        var breakdown = await BreakdownAsync(letter);

        // Initials-level signers show their country on the list, so they are on the map; the counted-only are not.
        Assert.Equal(new Dictionary<string, int> { ["FR"] = 3, ["PT"] = 1 }, breakdown.ByCountry);
        // The chart is the count's: every published signature, hidden and counted-only ones included.
        Assert.Equal(6, breakdown.ByDay.Sum(d => d.Count));
    }

    [Fact]
    public async Task A_letter_that_keeps_the_country_private_has_no_counts_by_country_and_no_map()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("private"), l => l.Fields = l.Fields with { Country = new FieldRule(FieldMode.Optional, Public: false) });
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, _) => s.Country = "FR");

        var breakdown = await BreakdownAsync(letter);

        Assert.Empty(breakdown.ByCountry);
        Assert.Null(WorldMap.For(letter, breakdown, app.Clock.GetUtcNow()));
        Assert.DoesNotContain("map-heading", await app.Visitor().GetStringAsync($"/letters/{letter.Slug}"));
    }

    [Fact]
    public async Task Countries_given_before_the_country_was_public_are_not_counted()
    {
        var since = app.Clock.GetUtcNow().AddHours(-1);
        var letter = await app.AddLetterAsync(Signer.Unique("since"),
            l => l.Fields = l.Fields with { Country = new FieldRule(FieldMode.Optional, Public: true) { PublicSince = since } });
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, _) => (s.Country, s.CreatedAt) = ("FR", since.AddHours(-1)));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Country, s.CreatedAt) = ("GH", since.AddMinutes(1)));

        Assert.Equal(new Dictionary<string, int> { ["GH"] = 1 }, (await BreakdownAsync(letter)).ByCountry);
    }

    [Fact]
    public async Task While_the_names_are_held_the_map_is_not_shown_and_the_chart_of_the_count_is()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("heldmap"), l => l.NamesHeld = true);
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, _) => s.Country = "KE");

        Assert.Null(WorldMap.For(letter, await BreakdownAsync(letter), app.Clock.GetUtcNow()));
        var page = await app.Visitor().GetStringAsync($"/letters/{letter.Slug}");
        Assert.DoesNotContain("map-heading", page);
        Assert.DoesNotContain("Kenya: ", page);
        Assert.Contains("chart-heading", page);
    }

    [Fact]
    public async Task A_take_back_drops_the_figures_so_the_next_reader_does_not_see_a_hidden_signatory_on_the_map()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("takeback"));
        var signed = await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => s.Country = "NP");
        Assert.Equal(1, (await BreakdownAsync(letter)).ByCountry["NP"]);

        await app.Db(async db =>
        {
            (await db.Signatures.FindAsync(signed[0].Id))!.Hidden = true;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<Petition.Web.Letters.PublicView>().Changed(letter.Id);

        Assert.Empty((await BreakdownAsync(letter)).ByCountry);
    }

    [Fact]
    public async Task Signatures_are_counted_on_the_day_they_were_published()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("days"));
        var today = app.Clock.GetUtcNow();
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, _) => s.PublishedAt = today.AddDays(-2));
        await app.SignaturesAsync(letter, 3, SignatureState.Published, configure: (s, i) => s.PublishedAt = today.AddMinutes(-i));

        var days = (await BreakdownAsync(letter)).ByDay;

        Assert.Equal([new DayCount(DateOnly.FromDateTime(today.AddDays(-2).UtcDateTime), 2), new DayCount(DateOnly.FromDateTime(today.UtcDateTime), 3)], days);
        var chart = TimeChart.Of(days)!;
        Assert.Equal(5, chart.Total);
        Assert.Equal(3, chart.Busiest.Count);
    }

    [Fact]
    public async Task Founding_signatures_count_on_the_letters_first_public_day_not_the_days_of_the_founding_round()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("days-founding"));
        var today = app.Clock.GetUtcNow();
        await app.SignaturesAsync(letter, 4, SignatureState.Published, configure: (s, i) => (s.Founding, s.PublishedAt) = (true, today.AddDays(-20 + i)));
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, _) => s.PublishedAt = today.AddDays(-3));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => s.PublishedAt = today);

        var days = (await BreakdownAsync(letter)).ByDay;

        Assert.Equal([new DayCount(DateOnly.FromDateTime(today.AddDays(-3).UtcDateTime), 6), new DayCount(DateOnly.FromDateTime(today.UtcDateTime), 1)], days);
    }

    [Fact]
    public async Task A_section_holds_its_category_and_the_last_one_everyone_else_on_every_provider()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("sect"), l =>
        {
            l.Categories = ["Journalists", "Academics"];
            l.Fields = l.Fields with { Category = new FieldRule(FieldMode.Optional, Public: true) };
        });
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, i) => (s.Name, s.Category) = ($"Academic {i}", "Academics"));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Name, s.Category) = ("Retired One", "Retired"));
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Name, s.Category) = ("No Category", null));
        var sections = Petition.Web.Signatories.Sections.Of(letter);

        var counts = SectionCounts.Of(sections, await BreakdownAsync(letter));
        Assert.Equal([0, 2, 2], sections.Select(s => counts[s]));
        await using var scope = app.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<Petition.Web.Signatories.PublicSignatories>();
        var other = await list.QueryAsync(letter, new Petition.Web.Signatories.SignatoryQuery(10) { Section = sections[2] }, CancellationToken.None);
        Assert.Equal(["No Category", "Retired One"], other.Items.Select(i => i.Name).Order());
        var academics = await list.QueryAsync(letter, new Petition.Web.Signatories.SignatoryQuery(10) { Section = sections[1] }, CancellationToken.None);
        Assert.Equal(2, academics.Total);
    }

    /// <summary>
    /// The list in sections skips a section its breakdown counts as empty, but only while that count is fresh and no
    /// one confirmed since: the first signatory of a section shows at once, the clock not moved at all.
    /// </summary>
    [Fact]
    public async Task The_first_signatory_of_an_empty_section_shows_at_once_on_the_list_in_sections()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("empty"), l =>
        {
            l.Categories = ["Journalists", "Academics"];
            l.Fields = l.Fields with { Category = new FieldRule(FieldMode.Optional, Public: true) };
        });
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => (s.Name, s.Category) = ("Old Academic", "Academics"));
        var visitor = app.Visitor();
        Assert.Contains("Old Academic", (await visitor.SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent);
        Assert.Equal(0, SectionCounts.Of(Petition.Web.Signatories.Sections.Of(letter), await BreakdownAsync(letter)).First().Value);

        var email = $"{Signer.Unique("journalist")}@example.org";
        var body = Signer.ApiBody("New Journalist", email);
        body["category"] = "Journalists";
        await app.Client().SignByApiAsync(letter.Slug, body);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));

        var text = (await visitor.SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent;
        Assert.Contains("New Journalist", text);
        Assert.Contains("Old Academic", text);
    }

    [Fact]
    public void Shades_grow_by_a_factor_and_never_repeat_a_count()
    {
        Assert.Equal([new Shade(0, 0, 0), new Shade(1, 1, 1)], WorldMap.ShadesUpTo(1));
        var shades = WorldMap.ShadesUpTo(10_000);
        Assert.Equal(6, shades.Count);
        Assert.Equal(10_000, shades[^1].To);
        Assert.All(shades.Skip(2), s => Assert.Equal(shades[s.Index - 1].To + 1, s.From));
    }
}

public class PublicBreakdownSqliteTests(SqliteFixture fixture) : PublicBreakdownTests(fixture.App), IClassFixture<SqliteFixture>;

public class PublicBreakdownPostgresTests(PostgresFixture fixture) : PublicBreakdownTests(fixture.App), IClassFixture<PostgresFixture>;
