using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;
using Console = Petition.Tests.Admin.Console;

namespace Petition.Tests.Adversary;

/// <summary>
/// A moderator who pages through the queue, searches it and opens signatures walks away with domains, never
/// addresses. An admin sees an address by asking, and the asking is in the audit log.
/// </summary>
public class ModeratorEmailHarvestTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    async Task<(string Slug, string Email, long Id)> SignedAsync()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("harvest"));
        var email = $"{Signer.Unique("mailbox")}@who.int";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Harvested Signer", email));
        var id = await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).Select(s => s.Id).SingleAsync());
        return (letter.Slug, email, id);
    }

    [Fact]
    public async Task A_moderator_sees_the_domain_and_cannot_find_or_reveal_the_address()
    {
        var (slug, email, id) = await SignedAsync();
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var mailbox = email.Split('@')[0];

        foreach (var url in new[] { Console.Queue(slug, "?state="), Console.Queue(slug, "?state=&q=harvested"), Console.SignaturePage(slug, id),
                     $"/admin/letters/{slug}", $"/admin/letters/{slug}/signals" })
        {
            var html = await (await moderator.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(mailbox, html);
        }
        Assert.Contains("…@who.int", await (await moderator.GetAsync(Console.Queue(slug, "?state="))).Content.ReadAsStringAsync());

        // Searching by the address would confirm it: a moderator's search looks in names and organisations only.
        var search = await moderator.GetDocumentAsync(Console.Queue(slug, $"?state=&q={Uri.EscapeDataString(email)}"));
        Assert.Empty(search.QuerySelectorAll("table.queue tbody tr"));

        var reveal = await moderator.PostAsync(Console.SignaturePage(slug, id) + "?handler=Reveal", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, reveal.StatusCode);
        Assert.DoesNotContain(mailbox, await reveal.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_sees_the_address_by_asking_and_each_asking_is_audited()
    {
        var (slug, email, id) = await SignedAsync();
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        Assert.DoesNotContain(email, await (await admin.GetAsync(Console.SignaturePage(slug, id))).Content.ReadAsStringAsync());

        var revealed = await admin.PostHandlerAsync(Console.SignaturePage(slug, id), "Reveal");
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains(email, (await revealed.ReadDocumentAsync()).QuerySelector("#signature-email")!.TextContent);
        Assert.True(await app.Db(db => db.Audit.AnyAsync(e => e.Action == AuditActions.SignatureEmailRevealed && e.SignatureId == id)));

        var search = await admin.GetDocumentAsync(Console.Queue(slug, $"?state=&q={Uri.EscapeDataString(email)}"));
        Assert.Single(search.QuerySelectorAll("table.queue tbody tr"));
    }
}
