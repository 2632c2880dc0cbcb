using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// Signers read in the privacy notice when their address will be erased: once anyone has signed, that promise can be
/// kept sooner, never later, and never taken back.
/// </summary>
public class RetentionPromiseTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    const string EditForm = "form[method=post]:not(.staff-menu)";

    static async Task<HttpResponseMessage> SaveRetentionAsync(HttpClient admin, string slug, string days)
    {
        var url = $"/admin/letters/{slug}/edit";
        return await admin.SubmitAsync(await admin.GetDocumentAsync(url), url,
            new Dictionary<string, string> { ["Input.ContactRetentionDays"] = days }, EditForm);
    }

    Task<int?> RetentionAsync(int letterId) =>
        app.Db(db => db.Letters.Where(l => l.Id == letterId).Select(l => l.ContactRetentionDays).SingleAsync());

    [Fact]
    public async Task Once_anyone_signed_addresses_may_be_erased_sooner_but_never_later_nor_kept()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("promise"), l => l.ContactRetentionDays = 30);
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SaveRetentionAsync(admin, letter.Slug, "60")).StatusCode); // nobody signed yet
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Promised", $"{Signer.Unique("promised")}@example.org"));

        foreach (var later in new[] { "365", "" })
        {
            var refused = await SaveRetentionAsync(admin, letter.Slug, later);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await refused.ReadDocumentAsync();
            Assert.Contains("erased 60 days after the letter closes", page.QuerySelector(".error-summary")!.TextContent);
            Assert.Equal(later, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_ContactRetentionDays")!).Value);
            Assert.Equal(60, await RetentionAsync(letter.Id));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SaveRetentionAsync(admin, letter.Slug, "10")).StatusCode);
        Assert.Equal(10, await RetentionAsync(letter.Id));
    }

    [Fact]
    public async Task No_other_path_than_the_editor_makes_the_promise_later_or_takes_it_back()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("promise-db"), l => l.ContactRetentionDays = 30);
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Promised", $"{Signer.Unique("promised")}@example.org"));

        foreach (int? later in new int?[] { 31, null })
        {
            var refused = await Assert.ThrowsAsync<Petition.Data.Letters.SignedTextException>(() => app.Db(async db =>
            {
                (await db.Letters.SingleAsync(l => l.Id == letter.Id)).ContactRetentionDays = later;
                await db.SaveChangesAsync();
            }));
            Assert.Contains("erased 30 days", refused.Message);
            Assert.Equal(30, await RetentionAsync(letter.Id));
        }
        await app.Db(async db =>
        {
            (await db.Letters.SingleAsync(l => l.Id == letter.Id)).ContactRetentionDays = 7;
            await db.SaveChangesAsync();
        });
        Assert.Equal(7, await RetentionAsync(letter.Id));
    }
}
