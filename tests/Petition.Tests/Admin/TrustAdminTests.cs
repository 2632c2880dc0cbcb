using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Moderation;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Admin;

public class TrustAdminTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task An_admin_blocks_a_domain_and_lists_an_organisation_each_with_its_audit_entry()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var domain = $"{Signer.Unique("trolls")}.example";

        var page = await client.GetDocumentAsync("/admin/trust");
        var blocked = await client.SubmitAsync(page, "/admin/trust?handler=AddBlock",
            new Dictionary<string, string> { ["Block.Kind"] = "Domain", ["Block.Value"] = domain.ToUpperInvariant(), ["Block.Reason"] = "fake campaign" },
            "form[action*='AddBlock']");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        var rule = await app.Db(db => db.BlockRules.SingleAsync(r => r.Value == domain));
        Assert.Equal(BlockKind.Domain, rule.Kind);
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.Action == "block-rule.added" && a.After!.Contains(domain))));

        var letter = await app.AddLetterAsync(Signer.Unique("trust"));
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Troll Account", $"x@mail.{domain}"));
        Assert.Contains(domain, await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).Select(s => s.BlockedReason).SingleAsync()));

        page = await client.GetDocumentAsync("/admin/trust");
        var bad = await client.SubmitAsync(page, "/admin/trust?handler=AddOrganisation",
            new Dictionary<string, string> { ["Organisation.Organisation"] = "WHO", ["Organisation.Domain"] = "not a domain" },
            "form[action*='AddOrganisation']");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("not a domain", (await bad.ReadDocumentAsync()).QuerySelector("#Organisation_Domain")!.GetAttribute("value"));

        var organisationDomain = $"{Signer.Unique("who")}.int";
        page = await client.GetDocumentAsync("/admin/trust");
        await client.SubmitAsync(page, "/admin/trust?handler=AddOrganisation",
            new Dictionary<string, string> { ["Organisation.Organisation"] = "World Health Organization", ["Organisation.Domain"] = "@" + organisationDomain },
            "form[action*='AddOrganisation']");
        Assert.True(await app.Db(db => db.OrganisationDomains.AnyAsync(o => o.Domain == organisationDomain)));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.Action == "organisation-domain.added")));

        page = await client.GetDocumentAsync("/admin/trust");
        var removeForm = $"form[action*='RemoveBlock'][action*='id={rule.Id}']";
        await client.SubmitAsync(page, page.QuerySelector(removeForm)!.GetAttribute("action")!, formSelector: removeForm);
        Assert.False(await app.Db(db => db.BlockRules.AnyAsync(r => r.Id == rule.Id)));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.Action == "block-rule.removed")));
    }

    [Fact]
    public async Task An_admin_switches_on_proof_of_work_and_emails_earlier_signers()
    {
        var client = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("pow-admin"));
        var email = $"{Signer.Unique("early")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Early Signer", email));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));

        var edit = $"/admin/letters/{letter.Slug}/edit";
        var page = await client.GetDocumentAsync(edit);
        var saved = await client.SubmitAsync(page, edit, new Dictionary<string, string>
        {
            ["Input.RequireProofOfWork"] = "true", ["Input.Body"] = letter.Body + "\n\nA new closing line.",
            ["Input.ChangeSummary"] = "A closing line was added.",
        }, "form[method=post]:not(.staff-menu):not([action*='NotifySigners'])");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.Db(db => db.Letters.SingleAsync(l => l.Id == letter.Id));
        Assert.True(stored.RequireProofOfWork);
        Assert.Equal(2, stored.Version);

        page = await client.GetDocumentAsync(edit);
        var notified = await client.SubmitAsync(page, edit + "?handler=NotifySigners", new Dictionary<string, string> { ["changeSummary"] = "A closing line was added." },
            "form[action*='NotifySigners']");
        Assert.Equal(HttpStatusCode.Redirect, notified.StatusCode);
        var notice = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject!.StartsWith("The letter you signed has changed"));
        await app.DrainOutboxAsync();
        Assert.Single(app.Smtp.To(email), m => m.Subject!.StartsWith("The letter you signed"));
        Assert.Contains("A closing line was added.", notice.TextBody);
    }

    [Fact]
    public async Task A_moderator_sees_why_a_signature_was_blocked_but_cannot_open_the_lists()
    {
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/admin/trust")).StatusCode);

        var letter = await app.AddLetterAsync(Signer.Unique("why"));
        var email = $"{Signer.Unique("temp")}@mailinator.com";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Throwaway Person", email));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        var signature = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal(SignatureState.Rejected, signature.State);

        var page = await moderator.GetDocumentAsync(Console.SignaturePage(letter.Slug, signature.Id));
        Assert.Contains("disposable email domain mailinator.com", page.QuerySelector("main")!.TextContent);
        Assert.Contains("not a listed organisation", page.QuerySelector("main")!.TextContent);
    }
}
