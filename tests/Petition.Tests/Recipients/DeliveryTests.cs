using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;
using Petition.Web.Signing;

namespace Petition.Tests.Recipients;

/// <summary>A letter delivered to 193 missions through the outbox and the real SMTP server, on each provider.</summary>
public abstract partial class DeliveryTests(PetitionApp app)
{
    static string DeliveryPage(string slug) => $"/admin/letters/{slug}/delivery";

    static string PackLinkIn(MimeKit.MimeMessage message) => PackLink().Match(message.TextBody ?? "").Value;

    async Task<HttpResponseMessage> DeliverAsync(HttpClient admin, Letter letter, IDictionary<string, string>? values = null, IHtmlDocument? page = null)
    {
        page ??= await admin.GetDocumentAsync(DeliveryPage(letter.Slug));
        return await admin.SubmitAsync(page, DeliveryPage(letter.Slug), values, "form[action*='handler=Deliver']:not(.redeliver)");
    }

    [Fact]
    public async Task Each_of_193_missions_gets_exactly_one_email_with_a_pack_whose_files_verify_and_a_redelivery_sends_one_more()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("delivered"));
        await app.SignaturesAsync(letter, 5, SignatureState.Published);
        app.Services.GetRequiredService<Petition.Web.Letters.PublicView>().Changed(letter.Id);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var (csv, addresses) = RecipientPages.Missions($"{Signer.Unique("un")}.example");
        await admin.CommitRecipientsAsync(await admin.PreviewRecipientsAsync(letter.Slug, csv), letter.Slug);

        var page = await admin.GetDocumentAsync(DeliveryPage(letter.Slug));
        Assert.Contains("Open letter delivered to you", page.QuerySelector(".email-preview")!.ParentElement!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(admin, letter, page: page)).StatusCode);
        // The same form sent again (a double click, a second instance): nothing more is delivered.
        Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(admin, letter, page: page)).StatusCode);
        await app.DrainOutboxAsync();
        // The background sender may still hold messages it claimed while the drain ran.
        await Eventually.HoldsAsync(() => addresses.All(a => app.Smtp.To(a).Count > 0), "every mission's email received");
        await app.DrainOutboxAsync();

        var mail = addresses.ToDictionary(a => a, a => app.Smtp.To(a));
        Assert.All(mail, m => Assert.Single(m.Value));
        Assert.All(mail, m => Assert.Empty(m.Value[0].Attachments)); // no attachment unless the organisers choose one
        Assert.Equal(193, mail.Values.Select(m => PackLinkIn(m[0])).Distinct().Count());
        var french = mail[addresses[1]][0]; // the second mission reads French
        Assert.StartsWith("Lettre ouverte qui vous est remise", french.Subject);
        Assert.Contains("Signatures comptées le", french.TextBody);

        var visitor = app.Visitor();
        var link = new Uri(PackLinkIn(mail[addresses[0]][0])).PathAndQuery;
        var pack = await visitor.GetDocumentAsync(link);
        Assert.Contains(letter.Title, pack.QuerySelector("h1")!.TextContent);
        Assert.Contains(": 5", pack.QuerySelector(".pack-count")!.TextContent);
        var key = await visitor.GetStringAsync("/.well-known/petition-signing-key.pem");

        // The delivery sealed the list first: the pack and the email name its root, and the statement checks.
        var seal = await app.Db(db => db.ListSeals.SingleAsync(s => s.LetterId == letter.Id));
        var root = Convert.ToHexStringLower(seal.Root);
        Assert.Equal(5, seal.Size);
        Assert.Equal(root, pack.QuerySelector("#pack-seal code")!.TextContent);
        Assert.Contains(root, mail[addresses[0]][0].TextBody);
        Assert.Contains("scellée", french.TextBody);
        var statement = await visitor.GetByteArrayAsync(pack.QuerySelector("#pack-seal a[href$='/seals/1']")!.GetAttribute("href"));
        var signature = await visitor.GetByteArrayAsync($"/letters/{letter.Slug}/seals/1.sig");
        Assert.Equal(0, ExportFiles.OpensslVerify(statement, signature, key).ExitCode);
        Assert.Contains(root, System.Text.Encoding.UTF8.GetString(statement));
        foreach (var format in new[] { "csv", "pdf" })
        {
            using var zip = new ZipArchive(new MemoryStream(await visitor.GetByteArrayAsync($"{link}/signatures.{format}")));
            var name = zip.Entries.Single(e => e.Name.EndsWith("." + format)).Name;
            byte[] Read(string entry) { using var s = zip.GetEntry(entry)!.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); }
            Assert.Equal(0, ExportFiles.OpensslVerify(Read(name), Read(name + ".sig"), key).ExitCode);
            Assert.Equal(0, ExportFiles.OpensslVerify(Read("manifest.json"), Read("manifest.json.sig"), key).ExitCode);
            if (format == "csv")
                Assert.Equal(6, ExportFiles.Table("csv", Read(name)).Count); // the header and the five names published before delivery
        }
        var first = await app.Db(db => db.DeliveryPacks.SingleAsync(p => p.TokenHash == VerificationToken.HashOf(link.Split('/').Last())));
        Assert.Equal((1, 2), (first.Views, first.Downloads));

        // Again to one recipient: one more email, with a new link; the first still works.
        var log = await admin.GetDocumentAsync(DeliveryPage(letter.Slug));
        var again = $"#pack-{first.Id} form.redeliver";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(log, DeliveryPage(letter.Slug), formSelector: again)).StatusCode);
        await app.DrainOutboxAsync();
        await Eventually.HoldsAsync(() => app.Smtp.To(addresses[0]).Count == 2, "the second email");
        Assert.Equal(194, addresses.Sum(a => app.Smtp.To(a).Count));
        Assert.Equal(2, await app.Db(db => db.Audit.CountAsync(a => a.LetterId == letter.Id && a.Action == AuditActions.LetterDelivered)));
        log = await admin.GetDocumentAsync(DeliveryPage(letter.Slug));
        Assert.StartsWith("Sent", log.QuerySelector($"#pack-{first.Id} td:nth-child(2)")!.TextContent.Trim());
        Assert.Contains("opened 1, downloaded 2", log.QuerySelector($"#pack-{first.Id}")!.TextContent);
        Assert.Contains("Delivered on 27 November 2026 to 193 recipients",
            (await visitor.GetDocumentAsync($"/letters/{letter.Slug}")).QuerySelector("#responses")!.TextContent);
    }

    /// <summary>A mission's pack offers its own country's signatories apart ("Signatories from Ghana: 2"), and no other country's.</summary>
    [Fact]
    public async Task A_pack_offers_the_recipients_own_countrys_signatories_apart()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("country"));
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, i) => (s.Name, s.Country) = ($"Ghanaian {i}", "GH"));
        await app.SignaturesAsync(letter, 3, SignatureState.Published, configure: (s, i) => (s.Name, s.Country) = ($"Chilean {i}", "CL"));
        app.Services.GetRequiredService<Petition.Web.Letters.PublicView>().Changed(letter.Id);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var domain = $"{Signer.Unique("un")}.example";
        await admin.AddRecipientAsync(letter, "Permanent Mission of Ghana", $"gh@{domain}", "GH");
        Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(admin, letter)).StatusCode);
        await app.DrainOutboxAsync();
        var ghana = new Uri(PackLinkIn(await app.Smtp.WaitForAsync($"gh@{domain}"))).PathAndQuery;

        var visitor = app.Visitor();
        var pack = await visitor.GetDocumentAsync(ghana);
        Assert.Equal("Signatories from Ghana: 2", pack.QuerySelector("#pack-country")!.TextContent.Trim());
        var own = pack.QuerySelectorAll("a[href*='country=GH']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, own.Count);
        using var zip = new ZipArchive(new MemoryStream(await visitor.GetByteArrayAsync(own.Single(h => h.Contains(".csv")))));
        using var file = zip.Entries.Single(e => e.Name.EndsWith(".csv")).Open();
        using var csv = new MemoryStream();
        file.CopyTo(csv);
        var names = ExportFiles.Table("csv", csv.ToArray()).Skip(1).Select(r => r[0]).Order().ToList();
        Assert.Equal(["Ghanaian 0", "Ghanaian 1"], names);
        // Another country's list is not in this pack, however the query is spelled; its own is, in any case.
        foreach (var other in new[] { "country=CL", "COUNTRY=cl", "country=", "country=GH%20" })
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{ghana}/signatures.csv?{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"{ghana}/signatures.csv?country=gh")).StatusCode);
    }

    /// <summary>Chosen by the organisers, the cover email carries the pack's signed PDF and its signature, which verify.</summary>
    [Fact]
    public async Task When_the_organisers_choose_so_the_cover_email_carries_the_signed_PDF_which_verifies_with_openssl()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("attached"));
        await app.SignaturesAsync(letter, 3, SignatureState.Published);
        app.Services.GetRequiredService<Petition.Web.Letters.PublicView>().Changed(letter.Id);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var domain = $"{Signer.Unique("un")}.example";
        await admin.AddRecipientAsync(letter, "Permanent Mission of Ghana", $"gh@{domain}", "GH");
        await admin.AddRecipientAsync(letter, "Permanent Mission of Chile", $"cl@{domain}", "CL", "es");

        var form = await admin.GetDocumentAsync(DeliveryPage(letter.Slug));
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#AttachPdf")!).IsChecked); // links alone by default
        Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(admin, letter, new Dictionary<string, string> { ["AttachPdf"] = "true" }, form)).StatusCode);
        await app.DrainOutboxAsync();
        var key = await app.Visitor().GetStringAsync("/.well-known/petition-signing-key.pem");

        foreach (var (address, words) in new[] { ($"gh@{domain}", "The signed PDF of the list is also attached"), ($"cl@{domain}", "El PDF firmado de la lista") })
        {
            var message = await app.Smtp.WaitForAsync(address);
            Assert.Contains(words, message.TextBody);
            Assert.NotEmpty(PackLinkIn(message)); // the link stays, beside the file
            var files = message.Attachments.OfType<MimeKit.MimePart>().ToDictionary(a => a.FileName!, Content);
            var pdf = files.Keys.Single(n => n.EndsWith(".pdf"));
            Assert.Equal([pdf, pdf + ".sig"], files.Keys.Order());
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(files[pdf], 0, 4));
            var verified = ExportFiles.OpensslVerify(files[pdf], files[pdf + ".sig"], key);
            Assert.True(verified.ExitCode == 0, verified.Output);
        }
        var audit = await app.Db(db => db.Audit.Where(e => e.LetterId == letter.Id && e.Action == Petition.Web.Admin.Audit.AuditActions.LetterDelivered).SingleAsync());
        Assert.Contains("\"attachPdf\":true", audit.After);

        static byte[] Content(MimeKit.MimePart part)
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            return bytes.ToArray();
        }
    }

    [Fact]
    public async Task A_draft_or_a_letter_not_yet_open_is_neither_sealed_nor_delivered()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var draft = await app.AddLetterAsync(Signer.Unique("undelivered-draft"), l => l.Status = LetterStatus.Draft);
        var early = await app.AddLetterAsync(Signer.Unique("undelivered-early"), l => l.OpensAt = app.Clock.GetUtcNow().AddDays(1));
        foreach (var letter in new[] { draft, early })
        {
            var address = $"mission@{Signer.Unique("un")}.example";
            await admin.AddRecipientAsync(letter, "Permanent Mission of Ghana", address, "GH");
            Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(admin, letter)).StatusCode);
            Assert.Contains("Nothing was delivered", (await admin.GetDocumentAsync(DeliveryPage(letter.Slug))).Body!.TextContent);
            await app.DrainOutboxAsync();
            Assert.Empty(app.Smtp.To(address));
            Assert.False(await app.Db(db => db.Deliveries.AnyAsync(d => d.LetterId == letter.Id)));
            Assert.False(await app.Db(db => db.ListSeals.AnyAsync(s => s.LetterId == letter.Id)));
        }
    }

    [Fact]
    public async Task An_expired_or_revoked_link_gets_a_page_that_says_so_and_never_a_file()
    {
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("expiring"), l => l.Organiser.Email = "team@organisers.example");
        var domain = $"{Signer.Unique("un")}.example";
        await admin.AddRecipientAsync(letter, "Permanent Mission of Ghana", $"gh@{domain}", "GH");
        await admin.AddRecipientAsync(letter, "Permanent Mission of Chile", $"cl@{domain}", "CL", "es");
        Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(admin, letter, new Dictionary<string, string> { ["LinkDays"] = "10" })).StatusCode);
        await app.DrainOutboxAsync();
        var ghana = new Uri(PackLinkIn(await app.Smtp.WaitForAsync($"gh@{domain}"))).PathAndQuery;
        var chile = new Uri(PackLinkIn(await app.Smtp.WaitForAsync($"cl@{domain}"))).PathAndQuery;
        var visitor = app.Visitor();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(ghana)).StatusCode);

        var log = await admin.GetDocumentAsync(DeliveryPage(letter.Slug));
        var revoke = log.QuerySelectorAll("tr[id^=pack-]").Single(r => r.TextContent.Contains("Ghana")).QuerySelector("form[action*='handler=Pack']")!;
        revoke.Id = "revoke-form";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(log, DeliveryPage(letter.Slug), formSelector: "#revoke-form", button: "button[value=Revoke]")).StatusCode);
        await AssertGoneAsync(ghana, "The organisers have withdrawn this link.");

        // The letter sent back to draft takes every pack with it; published again, the links work again.
        await SetStatusAsync(LetterStatus.Draft);
        await AssertGoneAsync(chile, "The organisers have taken this letter back from the public, and its packs with it.");
        await SetStatusAsync(LetterStatus.Open);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(chile)).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(10));
        await AssertGoneAsync(chile, "This link has expired.");
        var unknown = await visitor.GetAsync("/packs/" + new string('A', 43));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        Task<int> SetStatusAsync(LetterStatus status) =>
            app.Db(db => db.Letters.Where(l => l.Id == letter.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Status, status)));

        async Task AssertGoneAsync(string path, string why)
        {
            var page = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
            var document = await page.ReadDocumentAsync();
            Assert.Equal(why, document.QuerySelector("#pack-state")!.TextContent.Trim());
            Assert.Contains("team@organisers.example", document.QuerySelector("main")!.TextContent);
            var file = await visitor.GetAsync(path + "/signatures.pdf");
            Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
            Assert.Equal(path, file.Headers.Location!.OriginalString);
            Assert.Empty(await file.Content.ReadAsByteArrayAsync());
        }
    }

    [GeneratedRegex(@"https?://\S+/packs/[A-Za-z0-9_-]{43}")]
    private static partial Regex PackLink();
}

[Collection(SqliteRecipients.Name)]
public class SqliteDeliveryTests(SqliteFixture fixture) : DeliveryTests(fixture.App);

[Collection(PostgresRecipients.Name)]
public class PostgresDeliveryTests(PostgresFixture fixture) : DeliveryTests(fixture.App);
