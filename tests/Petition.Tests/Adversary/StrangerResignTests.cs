using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// A stranger who knows a journalist's address signs with it, again and again, from his own network: he must not
/// use up the owner's emails, and nothing he sends may change what the owner's own link confirms. Clients are told
/// apart by their network, here through X-Forwarded-For from a trusted proxy.
/// </summary>
public class StrangerResignTests : IAsyncLifetime
{
    PetitionApp app = null!;
    const string Owner = "198.51.100.7", Stranger = "203.0.113.9", StrangersOtherNetwork = "192.0.2.44";

    public async Task InitializeAsync() =>
        app = await PetitionApp.StartAsync(settings: new() { ["ForwardedHeaders:KnownNetworks:0"] = "0.0.0.0/0", ["ForwardedHeaders:KnownNetworks:1"] = "::/0" });

    public async Task DisposeAsync() => await app.DisposeAsync();

    HttpClient From(string ip)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }

    Task<int> EmailsTo(string email) => app.Db(db => db.Outbox.CountAsync(m => m.ToHash == app.RecipientHash(email)));

    [Fact]
    public async Task A_stranger_signing_again_changes_nothing_the_owners_link_confirms()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("resign"));
        var email = $"{Signer.Unique("owner")}@example.org";
        await From(Owner).SignByApiAsync(letter.Slug, Signer.ApiBody("Real Owner", email));
        var ownersLink = await app.ConfirmationPathAsync(email);
        for (var i = 0; i < 3; i++)
            await From(Stranger).SignByApiAsync(letter.Slug, Signer.ApiBody("Hostile Name", email, listPublicly: true));

        var owner = From(Owner);
        var page = await owner.GetDocumentAsync(ownersLink);
        Assert.Contains("Real Owner", page.QuerySelector("dl.details")!.TextContent);
        await owner.SubmitAsync(page, ownersLink);
        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.EmailHash == app.AddressHash(email)));
        Assert.Equal(("Real Owner", SignatureState.Published), (signature.Name, signature.State));

        // The stranger's links showed his details; after the owner confirmed, they confirm nothing.
        var strangersLink = await app.ConfirmationPathAsync(email, nth: 2);
        Assert.Contains("Already confirmed", (await From(Stranger).GetDocumentAsync(strangersLink)).Body!.TextContent);
        Assert.Equal("Real Owner", await app.Db(db => db.Signatures.Where(s => s.Id == signature.Id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task Each_link_confirms_the_details_its_own_email_showed()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("resign-own"));
        var email = $"{Signer.Unique("victim")}@example.org";
        await From(Stranger).SignByApiAsync(letter.Slug, Signer.ApiBody("Hostile Name", email));
        await From(Owner).SignByApiAsync(letter.Slug, Signer.ApiBody("Real Owner", email));
        var ownersLink = await app.ConfirmationPathAsync(email, nth: 2);
        var ownersEmail = app.Smtp.To(email).Single(m => Signer.ConfirmPathIn(m) == ownersLink);
        Assert.Contains("Real Owner", ownersEmail.TextBody);
        Assert.DoesNotContain("Hostile Name", ownersEmail.TextBody);

        await From(Owner).ConfirmAsync(ownersLink);
        Assert.Equal("Real Owner", await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(email)).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_stranger_spends_only_his_own_budget_and_the_owner_still_gets_a_link()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("budget"));
        var email = $"{Signer.Unique("victim")}@example.org";
        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await From(Stranger).SignByApiAsync(letter.Slug, Signer.ApiBody("Hostile Name", email))).StatusCode);
        Assert.Equal(5, await EmailsTo(email));
        for (var i = 0; i < 8; i++)
            await From(StrangersOtherNetwork).SignByApiAsync(letter.Slug, Signer.ApiBody("Hostile Name", email));
        Assert.Equal(10, await EmailsTo(email)); // the address's overall cap

        Assert.Equal(HttpStatusCode.Accepted, (await From(Owner).SignByApiAsync(letter.Slug, Signer.ApiBody("Real Owner", email))).StatusCode);
        Assert.Equal(11, await EmailsTo(email));
        await From(Owner).SignByApiAsync(letter.Slug, Signer.ApiBody("Real Owner", email));
        Assert.Equal(11, await EmailsTo(email)); // one past the cap per network, no more

        var ownersLink = await app.ConfirmationPathAsync(email, nth: 11);
        await From(Owner).ConfirmAsync(ownersLink);
        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.EmailHash == app.AddressHash(email)));
        Assert.Equal(("Real Owner", SignatureState.Published), (signature.Name, signature.State));
    }
}
