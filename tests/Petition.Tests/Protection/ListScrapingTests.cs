using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Protection;

/// <summary>A client walking the list shows on the letter's signals page, beside the sign floods.</summary>
public class ListScrapingTests
{
    [Fact]
    public async Task A_client_reading_page_after_page_of_the_list_is_shown_to_the_organisers()
    {
        await using var app = await PetitionApp.StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("scraped"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var quiet = await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}/signals?readThreshold=20");
        Assert.NotNull(quiet.QuerySelector("#no-list-readers"));

        var scraper = app.Visitor();
        for (var i = 0; i < 12; i++)
        {
            await scraper.GetAsync($"/api/letters/{letter.Slug}/signatures?q=name{i}");
            await scraper.GetAsync($"/letters/{letter.Slug}/signatories?q=name{i}");
        }
        var page = await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}/signals?readThreshold=20");
        var row = Assert.Single(page.QuerySelectorAll("table.list-readers tbody tr"));
        Assert.Equal("24", row.QuerySelectorAll("td")[2].TextContent);
    }
}
