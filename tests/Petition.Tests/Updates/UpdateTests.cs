using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Petition.Data.Signatures;
using Petition.Data.Updates;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Updates;

namespace Petition.Tests.Updates;

/// <summary>Organisers' updates through the console, the outbox and the real SMTP server, on each provider.</summary>
public abstract partial class UpdateTests(PetitionApp app)
{
    static string UpdatesPage(string slug) => $"/admin/letters/{slug}/updates";

    static string UnsubscribePath(MimeMessage message) => new Uri(UnsubscribeLink().Match(message.TextBody ?? "").Value).PathAndQuery;

    async Task PostUpdateAsync(HttpClient admin, string slug, string subject, Dictionary<string, string>? more = null)
    {
        var values = new Dictionary<string, string> { ["Subject[en]"] = subject, ["Body[en]"] = "The letter was delivered to 193 missions today." };
        foreach (var (key, value) in more ?? [])
            values[key] = value;
        var response = await admin.SubmitAsync(await admin.GetDocumentAsync(UpdatesPage(slug)), UpdatesPage(slug), values,
            "#post-update");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Writes every chunk of every queued update, as the background sender would.</summary>
    async Task SendAllAsync()
    {
        var sender = app.Services.GetRequiredService<UpdateSender>();
        while (await sender.SendChunkAsync(default)) { }
        await app.DrainOutboxAsync();
    }

    [Fact]
    public async Task An_update_reaches_only_opted_in_confirmed_signers_in_their_language_and_unsubscribes_in_one_click_without_signing_in()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("updates"));
        var client = app.Client();
        // The sign form offers updates, never ticked.
        var form = await client.GetDocumentAsync($"/letters/{letter.Slug}");
        var box = (AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input_WantsUpdates")!;
        Assert.False(box.IsChecked);

        string Address(string who) => $"{Signer.Unique(who)}@example.org";
        var (french, english, silent, unconfirmed, withdrawn, byForm) =
            (Address("fr"), Address("en"), Address("silent"), Address("unconf"), Address("gone"), Address("form"));
        foreach (var (email, wants, language) in new[] { (french, true, "fr-FR"), (english, true, "en"), (silent, false, "en"), (unconfirmed, true, "en"), (withdrawn, true, "en") })
        {
            var body = Signer.ApiBody("Update Reader", email);
            if (wants) body["wantsUpdates"] = true; // absent: false, as before the field existed
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/letters/{letter.Slug}/signatures") { Content = JsonContent.Create(body) };
            request.Headers.Add("Accept-Language", language);
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(request)).StatusCode);
            if (email != unconfirmed)
                await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        }
        var values = Signer.FormValues("Form Reader", byForm);
        values["Input.WantsUpdates"] = "true";
        await app.Client().SignByFormAsync(letter.Slug, values);
        await client.ConfirmAsync(await app.ConfirmationPathAsync(byForm));
        await client.WithdrawAsync(Signer.ManagePathIn(await app.Smtp.WaitForAsync(withdrawn)));

        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        Assert.Equal("3", (await admin.GetDocumentAsync(UpdatesPage(letter.Slug))).QuerySelector("#update-audience")!.TextContent);
        await PostUpdateAsync(admin, letter.Slug, "Delivered today", new() { ["Subject[fr]"] = "Remise aujourd'hui", ["Body[fr]"] = "La lettre a été remise aujourd'hui." });
        await SendAllAsync();
        await Eventually.HoldsAsync(() => new[] { french, english, byForm }.All(a => app.Smtp.To(a).Any(IsUpdate)), "every update received");

        static bool IsUpdate(MimeMessage m) => m.Headers.Contains("List-Unsubscribe");
        var frenchUpdate = Assert.Single(app.Smtp.To(french), IsUpdate);
        Assert.Equal("Remise aujourd'hui", frenchUpdate.Subject);
        Assert.Contains("La lettre a été remise aujourd'hui.", frenchUpdate.TextBody);
        Assert.Contains("Pour ne plus recevoir ces courriels", frenchUpdate.TextBody);
        Assert.Matches(Signer.ManageLink(), frenchUpdate.TextBody);
        var englishUpdate = Assert.Single(app.Smtp.To(english), IsUpdate);
        Assert.Equal("Delivered today", englishUpdate.Subject);
        Assert.Single(app.Smtp.To(byForm), IsUpdate);
        Assert.Equal("List-Unsubscribe=One-Click", englishUpdate.Headers["List-Unsubscribe-Post"]);
        Assert.Equal($"<http://petition.test{UnsubscribePath(englishUpdate)}>", englishUpdate.Headers["List-Unsubscribe"]);
        foreach (var nobody in new[] { silent, unconfirmed, withdrawn })
            Assert.DoesNotContain(app.Smtp.To(nobody), IsUpdate);
        var update = await app.Db(db => db.LetterUpdates.SingleAsync(u => u.LetterId == letter.Id));
        Assert.Equal((UpdateState.Done, 3, 3), (update.State, update.Queued, update.Total));

        // The header's link only stops updates: gateways, logs and providers read headers, so it opens no manage page.
        var stranger = app.Visitor();
        var headerToken = UnsubscribePath(englishUpdate).Split('/')[^1];
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/manage/" + headerToken)).StatusCode);
        Assert.DoesNotContain(headerToken, englishUpdate.TextBody!.Split("/manage/")[1]);

        // The mail reader's one-click button: a POST with no cookie and no form token.
        var oneClick = await stranger.PostAsync(UnsubscribePath(englishUpdate),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.True(await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(english)).Select(s => s.Unsubscribed).SingleAsync()));

        // A link scanner's GET only shows the button; pressing it unsubscribes.
        var path = UnsubscribePath(frenchUpdate);
        var page = await stranger.GetDocumentAsync(path);
        Assert.NotNull(page.QuerySelector("form[method=post] button"));
        Assert.False(await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(french)).Select(s => s.Unsubscribed).SingleAsync()));
        var pressed = await stranger.SubmitAsync(page, path);
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var done = await pressed.ReadDocumentAsync();
        Assert.NotNull(done.QuerySelector("#unsubscribed"));
        Assert.Null(done.QuerySelector("a[href*='/manage/']"));
        Assert.True(await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(french)).Select(s => s.Unsubscribed).SingleAsync()));

        // The next update reaches only the one left.
        await PostUpdateAsync(admin, letter.Slug, "Answered");
        await SendAllAsync();
        await Eventually.HoldsAsync(() => app.Smtp.To(byForm).Count(IsUpdate) == 2, "the second update received");
        await app.DrainOutboxAsync();
        Assert.Single(app.Smtp.To(english), IsUpdate);
        Assert.Equal(2, app.Smtp.To(byForm).Count(IsUpdate));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/unsubscribe/" + new string('A', 43))).StatusCode);
    }

    [Fact]
    public async Task A_pause_stops_the_sending_and_a_resume_by_two_instances_finishes_it_without_a_duplicate()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("paused"));
        var signers = await app.SignaturesAsync(letter, 10, SignatureState.Published, configure: (s, i) =>
        {
            s.WantsUpdates = i < 8;
            s.Country = i % 2 == 0 ? "FR" : "SN";
        });
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        await PostUpdateAsync(admin, letter.Slug, "Segmented", new() { ["Country"] = "fr" });
        await PostUpdateAsync(admin, letter.Slug, "Everyone");
        var sender = app.Services.GetRequiredService<UpdateSender>();
        Assert.True(await sender.SendChunkAsync(default)); // three of the four French signers who asked
        Assert.True(await sender.SendChunkAsync(default)); // the fourth: done
        Assert.True(await sender.SendChunkAsync(default)); // three of the eight
        var everyone = await app.Db(db => db.LetterUpdates.SingleAsync(u => u.LetterId == letter.Id && u.Total == 8));
        Assert.Equal((UpdateState.Sending, 3), (everyone.State, everyone.Queued));

        var page = await admin.GetDocumentAsync(UpdatesPage(letter.Slug));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, UpdatesPage(letter.Slug), formSelector: $"#update-{everyone.Id} form")).StatusCode);
        page = await admin.GetDocumentAsync(UpdatesPage(letter.Slug));
        Assert.Equal("Paused: 3 of 8 written", page.QuerySelector($"#update-{everyone.Id} .update-progress")!.TextContent.Trim());
        Assert.False(await sender.SendChunkAsync(default)); // paused: nothing more is written

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, UpdatesPage(letter.Slug), formSelector: $"#update-{everyone.Id} form")).StatusCode);
        // Two instances' senders at once, from the same cursor: each chunk is written by one of them.
        var second = ActivatorUtilities.CreateInstance<UpdateSender>(app.Services);
        await Task.WhenAll(Drain(sender), Drain(second));
        await app.DrainOutboxAsync();
        // The background dispatcher may still hold messages it claimed while the drain ran.
        await Eventually.HoldsAsync(() => signers.Take(8).All(s => app.Smtp.To(s.Email).Any(m => m.Subject == "Everyone")), "every update received");
        await app.DrainOutboxAsync();

        var received = signers.ToDictionary(s => s.Email, s => app.Smtp.To(s.Email).Select(m => m.Subject).ToList());
        for (var i = 0; i < signers.Count; i++)
        {
            Assert.Equal(i < 8 ? 1 : 0, received[signers[i].Email].Count(s => s == "Everyone"));
            Assert.Equal(i < 8 && i % 2 == 0 ? 1 : 0, received[signers[i].Email].Count(s => s == "Segmented"));
        }
        Assert.Equal("Done: 8 of 8 written", (await admin.GetDocumentAsync(UpdatesPage(letter.Slug))).QuerySelector($"#update-{everyone.Id} .update-progress")!.TextContent.Trim());
        Assert.Equal(2, await app.Db(db => db.Audit.CountAsync(a => a.LetterId == letter.Id && (a.Action == "update.paused" || a.Action == "update.resumed"))));

        static async Task Drain(UpdateSender sender)
        {
            for (var idle = 0; idle < 3;)
                idle = await sender.SendChunkAsync(default) ? 0 : idle + 1;
        }
    }

    [Fact]
    public async Task A_version_notice_is_written_a_chunk_at_a_time_to_earlier_signers_and_once_however_often_it_is_asked()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("notice"));
        var earlier = await app.SignaturesAsync(letter, 4, SignatureState.Published); // none asked for news: a notice is not news
        await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Version, 2)));
        var current = await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => s.LetterVersion = 2);
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var edit = $"/admin/letters/{letter.Slug}/edit";
        async Task NotifyAsync() => Assert.Equal(HttpStatusCode.Redirect, (await admin.PostHandlerAsync(edit, "NotifySigners",
            new Dictionary<string, string> { ["changeSummary"] = "Paragraph 2 now names the rapporteur." })).StatusCode);
        Task<List<LetterUpdate>> NoticesAsync() => app.Db(db => db.LetterUpdates.Where(u => u.LetterId == letter.Id).ToListAsync());
        var sender = app.Services.GetRequiredService<UpdateSender>();

        await NotifyAsync();
        await NotifyAsync(); // a second press before anything was written
        var notice = Assert.Single(await NoticesAsync());
        Assert.Equal((2, 4, UpdateState.Queued), (notice.NoticeOfVersion, notice.Total, notice.State));
        Assert.True(await sender.SendChunkAsync(default)); // three of the four, then the request could have stopped
        await NotifyAsync(); // and a press mid-way
        Assert.Equal((3, UpdateState.Sending), (Assert.Single(await NoticesAsync()).Queued, (await NoticesAsync())[0].State));
        Assert.Contains("The text is now at version 2", (await admin.GetDocumentAsync(UpdatesPage(letter.Slug))).QuerySelector("main")!.TextContent);

        await SendAllAsync();
        Assert.Equal(UpdateState.Done, Assert.Single(await NoticesAsync()).State);
        foreach (var signer in earlier)
        {
            var told = Assert.Single(app.Smtp.To(signer.Email!), m => m.Subject!.StartsWith("The letter you signed has changed"));
            Assert.Contains("Paragraph 2 now names the rapporteur.", told.TextBody);
        }
        Assert.Empty(app.Smtp.To(current[0].Email!));
    }

    [Fact]
    public async Task A_moderator_cannot_open_the_updates_page_nor_pause_an_update()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("modupd"));
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(UpdatesPage(letter.Slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsync(UpdatesPage(letter.Slug) + "?handler=Pause&id=1", new FormUrlEncodedContent([]))).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/unsubscribe/[A-Za-z0-9_-]{43}")]
    private static partial Regex UnsubscribeLink();
}

public class SqliteUpdateTests(SqliteUpdatesFixture fixture) : UpdateTests(fixture.App), IClassFixture<SqliteUpdatesFixture>;

public class PostgresUpdateTests(PostgresUpdatesFixture fixture) : UpdateTests(fixture.App), IClassFixture<PostgresUpdatesFixture>;
