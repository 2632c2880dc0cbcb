using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Founding;

namespace Petition.Tests.Signing;

/// <summary>
/// The founding round (issue 14, item 4; decision 030): an admin invites people one by one and from a CSV list
/// previewed line by line; each link signs once, for its own address; people at chosen domains sign the draft and
/// confirm by email; nothing is public until launch, and at launch the founding signatories are listed first, marked.
/// </summary>
public abstract class FoundingRoundTests(PetitionApp app)
{

    internal static async Task<string> InvitationPathAsync(PetitionApp app, string email) =>
        Regex.Match((await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email) && (m.Subject ?? "").StartsWith("An invitation to sign"))).TextBody ?? "",
            @"/invitation/[A-Za-z0-9_\-]+").Value;

    async Task<HttpClient> AdminAsync() => await app.SignInAsync(await app.CreateAdminAsync());

    static Dictionary<string, string> Details(string name, string email) => new(Signer.FormValues(name, email)) { ["Input.Listing"] = "public" };

    [Fact]
    public async Task Invited_people_sign_a_draft_once_each_and_lead_the_list_at_launch()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("founding"), l => l.Status = LetterStatus.Draft);
        var url = $"/admin/letters/{letter.Slug}/invitations";
        var admin = await AdminAsync();

        // One by one.
        var ada = $"{Signer.Unique("ada")}@example.org";
        var page = await admin.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["Email"] = ada, ["Name"] = "Ada Lovelace" },
            "form[action*='handler=Send']")).StatusCode);

        // From a list: the preview names each line's fault; sending skips those lines.
        var grace = $"{Signer.Unique("grace")}@example.org";
        var csv = $"email,name\n{grace},Grace Hopper\nnot-an-address,Nobody\n{grace.ToUpperInvariant()},Grace again\n{ada},Ada twice\n";
        page = await admin.GetDocumentAsync(url);
        var preview = await (await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["Text"] = csv }, "form[action*='handler=Preview']")).ReadDocumentAsync();
        var rows = preview.QuerySelectorAll("table.invitation-preview tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("Ready", rows[0]);
        Assert.Contains("Not an email address.", rows[1]);
        Assert.Contains("The same address is on an earlier line.", rows[2]);
        Assert.Contains("Invited already.", rows[3]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(preview, url, formSelector: "section form[action*='handler=Send']")).StatusCode);
        Assert.Equal(2, await app.Db(db => db.Invitations.CountAsync(i => i.LetterId == letter.Id)));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letter.Id && a.Action == "letter.invited")));

        // Ada opens her link: the form holds her address. Another address signs nothing and says so.
        var adaLink = await InvitationPathAsync(app, ada);
        var person = app.Client();
        var form = await person.GetDocumentAsync(adaLink);
        Assert.Equal(ada, form.QuerySelector("#Input_Email")!.GetAttribute("value"));
        // The privacy notice the form asks her to accept is there for her, through her invitation; the draft itself
        // stays unknown to anyone without one.
        var notice = form.QuerySelector("label[for='Input_AcceptPrivacy'] a")!.GetAttribute("href")!;
        Assert.StartsWith(adaLink, notice);
        Assert.Contains(letter.Title, (await person.GetDocumentAsync(notice)).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync($"/letters/{letter.Slug}/privacy")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync("/invitation/not-a-real-token-at-all-xxxxxxxxxxxxxxxx/privacy")).StatusCode);
        var other = await (await person.SubmitAsync(form, adaLink, Details("Ada Lovelace", "someone.else@example.org"))).ReadDocumentAsync();
        Assert.Contains("sent to another address", other.QuerySelector("#invitation-status")!.TextContent);
        Assert.Equal(0, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id)));
        form = await person.GetDocumentAsync(adaLink);
        var signed = await (await person.SubmitAsync(form, adaLink, Details("Ada Lovelace", ada))).ReadDocumentAsync();
        Assert.Contains("Thank you", signed.QuerySelector("#invitation-status")!.TextContent);
        var stored = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal((SignatureState.Published, true, true, Verification.Invited), (stored.State, stored.Founding, stored.Invited, stored.Verification));
        // A second use of the link, from anyone: a clear page, nothing more signed.
        var again = await app.Client().GetDocumentAsync(adaLink);
        Assert.Contains("used already", again.QuerySelector("#invitation-status")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/invitation/not-a-real-token-at-all-xxxxxxxxxxxxxxxx")).StatusCode);

        // People at a chosen domain sign the draft and confirm by email; an address elsewhere is told why not.
        var domain = $"found-{letter.Id}.org";
        page = await admin.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["Domains"] = domain },
            "form[action*='handler=Domains']")).StatusCode);
        // The sign-up link carries a key the organisers hand out: the slug alone, or another key, finds nothing.
        var foundingUrl = (await admin.GetDocumentAsync(url)).QuerySelector("#founding-link")!.GetAttribute("href")!;
        Assert.StartsWith($"/letters/{letter.Slug}/founding/", foundingUrl);
        foreach (var guess in new[] { $"/letters/{letter.Slug}/founding", $"/letters/{letter.Slug}/founding/{new string('0', 32)}",
                     $"/letters/{letter.Slug}/privacy", $"/letters/{letter.Slug}/founding/{new string('0', 32)}/privacy" })
            Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync(guess)).StatusCode);
        var signUp = await app.Visitor().GetAsync(foundingUrl);
        Assert.Equal("noindex, nofollow", string.Join(",", signUp.Headers.GetValues("X-Robots-Tag")));
        var outsider = await (await person.SubmitAsync(await person.GetDocumentAsync(foundingUrl), foundingUrl,
            Details("Olga Outside", $"olga@elsewhere-{letter.Id}.org"))).ReadDocumentAsync();
        Assert.Contains($"only addresses at {domain} may sign", outsider.QuerySelector("main")!.TextContent);
        // Its sign-up form's privacy notice is behind the same key as the form.
        var foundingNotice = (await person.GetDocumentAsync(foundingUrl)).QuerySelector("label[for='Input_AcceptPrivacy'] a")!.GetAttribute("href")!;
        Assert.Equal(foundingUrl + "/privacy", foundingNotice);
        Assert.Equal(HttpStatusCode.OK, (await app.Visitor().GetAsync(foundingNotice)).StatusCode);
        var insider = $"rosa@{domain}";
        var sent = await (await person.SubmitAsync(await person.GetDocumentAsync(foundingUrl), foundingUrl, Details("Rosa Inside", insider))).ReadDocumentAsync();
        Assert.NotNull(sent.QuerySelector("#founding-status"));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(insider));
        Assert.Equal(2, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id && s.Founding && s.State == SignatureState.Published)));

        // Not public while a draft.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync($"/api/letters/{letter.Slug}")).StatusCode);

        // Launch: the letter opens; a later signer comes after the founding ones, who are marked.
        await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Status, LetterStatus.Open)));
        app.Clock.Advance(TimeSpan.FromMinutes(5)); // past every cache of the draft's absence
        var later = $"{Signer.Unique("later")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Lena Later", later))).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(later));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var list = await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures");
        var names = list.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("founding").GetBoolean())).ToList();
        Assert.Equal([("Ada Lovelace", true), ("Rosa Inside", true), ("Lena Later", false)], names);
        var table = (await app.Visitor().SignatoriesPageAsync(letter.Slug)).QuerySelectorAll("table.signatories tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("founding signatory", table[0]);
        Assert.DoesNotContain("founding signatory", table[2]);
        Assert.Contains("Personally invited", table[0]);
    }

    [Fact]
    public async Task A_domain_taken_off_the_round_stops_its_sign_ups_still_waiting_for_confirmation()
    {
        var domain = $"{Signer.Unique("round")}.org";
        var letter = await app.AddLetterAsync(Signer.Unique("founding-off"), l => { l.Status = LetterStatus.Draft; l.FoundingDomains = [domain]; });
        var url = $"/admin/letters/{letter.Slug}/invitations";
        var admin = await AdminAsync();
        var signUp = (await admin.GetDocumentAsync(url)).QuerySelector("#founding-link")!.GetAttribute("href")!;
        var person = app.Client();
        var early = $"early@{domain}";
        var late = $"late@{domain}";
        foreach (var email in new[] { early, late })
            Assert.NotNull((await (await person.SubmitAsync(await person.GetDocumentAsync(signUp), signUp, Details("Round Signer", email))).ReadDocumentAsync())
                .QuerySelector("#founding-status"));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(early));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetDocumentAsync(url), url, new Dictionary<string, string> { ["Domains"] = "" },
            "form[action*='handler=Domains']")).StatusCode);
        var lateLink = await app.Client().GetDocumentAsync(await app.ConfirmationPathAsync(late));
        Assert.DoesNotContain("Confirm my signature", lateLink.Body!.TextContent);

        var states = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).OrderBy(s => s.Id).Select(s => s.State).ToListAsync());
        Assert.Equal([SignatureState.Published, SignatureState.Unverified], states);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync(signUp)).StatusCode); // no domains: no sign-up
    }

    [Fact]
    public async Task An_invitation_past_its_lifetime_signs_nothing_shows_nothing_of_the_draft_and_may_be_sent_again()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("founding-expiry"), l => l.Status = LetterStatus.Draft);
        var url = $"/admin/letters/{letter.Slug}/invitations";
        var admin = await AdminAsync();
        var lin = $"{Signer.Unique("lin")}@example.org";
        async Task InviteAsync() => Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetDocumentAsync(url), url,
            new Dictionary<string, string> { ["Email"] = lin, ["Name"] = "Lin Late" }, "form[action*='handler=Send']")).StatusCode);
        await InviteAsync();
        var link = await InvitationPathAsync(app, lin);
        var sent = Assert.Single(app.Smtp.To(lin));
        Assert.Contains($"The link works until {app.Clock.GetUtcNow().AddDays(30):d MMMM yyyy}.", sent.TextBody);

        var past = app.Clock.GetUtcNow().AddDays(-31);
        await app.Db(db => db.Invitations.Where(i => i.LetterId == letter.Id).ExecuteUpdateAsync(i => i.SetProperty(x => x.CreatedAt, past)));
        var person = app.Client();
        var page = await person.GetDocumentAsync(link);
        Assert.Contains("expired", page.QuerySelector("#invitation-status")!.TextContent);
        Assert.DoesNotContain(Petition.Web.Letters.LetterText.Of(letter).Title, page.Body!.TextContent);
        Assert.Null(page.QuerySelector("#Input_Email"));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(link + "/privacy")).StatusCode);

        // Sent again, it is a new link, and the old one stays dead.
        await InviteAsync();
        await Eventually.HoldsAsync(() => app.Smtp.To(lin).Count == 2, "the second invitation received");
        Assert.Equal(2, await app.Db(db => db.Invitations.CountAsync(i => i.LetterId == letter.Id)));
        Assert.NotNull((await person.GetDocumentAsync(link)).QuerySelector("#invitation-status"));

        // Withdrawn by the organisers, the new link signs nothing and shows nothing either.
        var second = Regex.Match(app.Smtp.To(lin).Last().TextBody ?? "", @"/invitation/[A-Za-z0-9_\-]+").Value;
        Assert.NotNull((await person.GetDocumentAsync(second)).QuerySelector("#Input_Email"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetDocumentAsync(url), url,
            new Dictionary<string, string> { ["WithdrawEmail"] = lin.ToUpperInvariant() }, "form[action*='handler=Withdraw']")).StatusCode);
        var withdrawn = await person.GetDocumentAsync(second);
        Assert.Contains("not valid", withdrawn.QuerySelector("#invitation-status")!.TextContent);
        Assert.Null(withdrawn.QuerySelector("#Input_Email"));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letter.Id && a.Action == "letter.invitation-withdrawn")));
    }

    [Fact]
    public async Task A_published_letter_that_takes_no_signatures_now_takes_no_invitations()
    {
        var admin = await AdminAsync();
        var early = await app.AddLetterAsync(Signer.Unique("invite-early"), l => l.OpensAt = app.Clock.GetUtcNow().AddDays(1));
        var closed = await app.AddLetterAsync(Signer.Unique("invite-closed"), l => l.ClosesAt = app.Clock.GetUtcNow().AddMinutes(-1));
        foreach (var letter in new[] { early, closed })
        {
            var url = $"/admin/letters/{letter.Slug}/invitations";
            var email = $"{Signer.Unique("nobody")}@example.org";
            var refused = await (await admin.SubmitAsync(await admin.GetDocumentAsync(url), url,
                new Dictionary<string, string> { ["Email"] = email }, "form[action*='handler=Send']")).ReadDocumentAsync();
            Assert.Contains("takes no invitations", refused.Body!.TextContent);
            Assert.False(await app.Db(db => db.Invitations.AnyAsync(i => i.LetterId == letter.Id)));
        }
    }

    [Fact]
    public void A_list_is_read_line_by_line()
    {
        var lines = InvitationLines.Parse("email,name\r\n\"a@example.org\",\"Ann\"\nb@example.org\n\nx\n");
        Assert.Equal([(2, "a@example.org", "Ann", true), (3, "b@example.org", null, true), (5, "x", null, false)],
            lines.Select(l => (l.Number, l.Email, l.Name, l.IsValid)));
        Assert.Equal(["ngo.example", "who.int"], FoundingDomains.Parse("ngo.example, @WHO.int ngo.example").Domains);
        Assert.Equal("https://x.org", FoundingDomains.Parse("ok.org https://x.org").Bad);
        Assert.True(FoundingDomains.Allows(["who.int"], "a@geneva.who.int"));
        Assert.False(FoundingDomains.Allows(["who.int"], "a@notwho.int"));
    }
}

public class FoundingRoundSqliteTests(SqliteFixture fixture) : FoundingRoundTests(fixture.App), IClassFixture<SqliteFixture>;

public class FoundingRoundPostgresTests(PostgresFixture fixture) : FoundingRoundTests(fixture.App), IClassFixture<PostgresFixture>;
