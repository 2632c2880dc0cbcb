using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Data.Updates;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Tests.Recipients;
using Petition.Web.Admin.Audit;
using Petition.Web.Signing;
using Petition.Web.Updates;

namespace Petition.Tests.Updates;

/// <summary>The deadline watch, driven by hand on the test's clock: closing, delivering at close, milestones.</summary>
public abstract class DeadlineTests(PetitionApp app)
{
    DeadlineWatch Watch => app.Services.GetRequiredService<DeadlineWatch>();

    async Task<Letter> StatusOfAsync(Letter letter) => await app.Db(db => db.Letters.AsNoTracking().SingleAsync(l => l.Id == letter.Id));

    [Fact]
    public async Task At_its_deadline_a_letter_closes_for_good_and_delivers_to_every_recipient_when_the_organiser_chose_so()
    {
        var closesAt = app.Clock.GetUtcNow().AddHours(1);
        var delivered = await app.AddLetterAsync(Signer.Unique("deadline"), l => { l.ClosesAt = closesAt; l.DeliverAtClose = true; });
        var quiet = await app.AddLetterAsync(Signer.Unique("quiet"), l => l.ClosesAt = closesAt);
        await app.SignaturesAsync(delivered, 3, SignatureState.Published);
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var mission = $"mission@{Signer.Unique("un")}.example";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.AddRecipientAsync(delivered, "Permanent Mission of Ghana", mission, "GH")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.AddRecipientAsync(quiet, "Permanent Mission of Chile", $"cl@{Signer.Unique("un")}.example", "CL")).StatusCode);
        app.Services.GetRequiredService<Petition.Web.Letters.PublicView>().Changed(delivered.Id);

        await Watch.RunAsync(default);
        Assert.Equal(LetterStatus.Open, (await StatusOfAsync(delivered)).Status);

        app.Clock.Advance(TimeSpan.FromHours(1));
        // Two instances' watches at the same moment: the letter closes once, and is delivered once.
        var second = ActivatorUtilities.CreateInstance<DeadlineWatch>(app.Services);
        await Task.WhenAll(Watch.RunAsync(default), second.RunAsync(default));
        await Watch.RunAsync(default);

        Assert.Equal(LetterStatus.Closed, (await StatusOfAsync(delivered)).Status);
        Assert.Equal(LetterStatus.Closed, (await StatusOfAsync(quiet)).Status);
        var closed = await app.Db(db => db.LetterMoments.SingleAsync(m => m.LetterId == delivered.Id && m.Kind == MomentKind.Closed));
        Assert.Equal((3, closesAt), (closed.Count, closed.At));
        Assert.Equal(1, await app.Db(db => db.Audit.CountAsync(a => a.LetterId == delivered.Id && a.Action == AuditActions.LetterClosed)));
        Assert.Equal(1, await app.Db(db => db.Deliveries.CountAsync(d => d.LetterId == delivered.Id)));
        Assert.Equal(0, await app.Db(db => db.Deliveries.CountAsync(d => d.LetterId == quiet.Id)));
        // Each list is sealed once as it stood at the close: by its delivery, or by the close itself.
        Assert.Equal(1, await app.Db(db => db.ListSeals.CountAsync(x => x.LetterId == delivered.Id)));
        Assert.Equal(1, await app.Db(db => db.ListSeals.CountAsync(x => x.LetterId == quiet.Id)));
        await app.DrainOutboxAsync();
        var cover = await app.Smtp.WaitForAsync(mission);
        Assert.StartsWith("Open letter delivered to you", cover.Subject);
        await app.DrainOutboxAsync();
        Assert.Single(app.Smtp.To(mission));

        // Frozen: nobody signs any more, and the public timeline has the closing and the delivery.
        var visitor = app.Client();
        Assert.Equal(HttpStatusCode.Conflict, (await visitor.SignByApiAsync(delivered.Slug, Signer.ApiBody("Too Late", $"{Signer.Unique("late")}@example.org"))).StatusCode);
        var timeline = await visitor.GetDocumentAsync($"/letters/{delivered.Slug}/versions");
        Assert.Equal("3", timeline.QuerySelector("#timeline .timeline-closed td:last-child")!.TextContent);
        Assert.Equal("1", timeline.QuerySelector("#timeline .timeline-delivered td:last-child")!.TextContent);
    }

    [Fact]
    public async Task A_milestone_reached_shows_on_the_letter_page_and_in_the_timeline_and_is_emailed_to_the_organisers_once()
    {
        var organiser = $"{Signer.Unique("team")}@organisers.example";
        var letter = await app.AddLetterAsync(Signer.Unique("milestone"), l => { l.Milestones = [2, 5]; l.Organiser.Email = organiser; });
        await app.SignaturesAsync(letter, 3, SignatureState.Published);
        app.Services.GetRequiredService<Petition.Web.Letters.PublicView>().Changed(letter.Id);

        var second = ActivatorUtilities.CreateInstance<DeadlineWatch>(app.Services);
        await Task.WhenAll(Watch.RunAsync(default), second.RunAsync(default), Watch.RunAsync(default));
        await app.DrainOutboxAsync();

        var email = await app.Smtp.WaitForAsync(organiser);
        Assert.Equal($"Milestone reached: 2 signatures on \"{letter.Title}\"", email.Subject);
        await app.DrainOutboxAsync();
        Assert.Single(app.Smtp.To(organiser));
        Assert.Equal(1, await app.Db(db => db.LetterMoments.CountAsync(m => m.LetterId == letter.Id)));

        var visitor = app.Visitor();
        Assert.Contains("2 (", (await visitor.GetDocumentAsync($"/letters/{letter.Slug}")).QuerySelector("#milestones")!.TextContent);
        var timeline = await visitor.GetDocumentAsync($"/letters/{letter.Slug}/versions");
        Assert.Equal("2", timeline.QuerySelector("#timeline .timeline-milestone td:last-child")!.TextContent);
        Assert.Null(timeline.QuerySelector("#timeline .timeline-closed"));
    }
}

public class SqliteDeadlineTests(SqliteUpdatesFixture fixture) : DeadlineTests(fixture.App), IClassFixture<SqliteUpdatesFixture>;

public class PostgresDeadlineTests(PostgresUpdatesFixture fixture) : DeadlineTests(fixture.App), IClassFixture<PostgresUpdatesFixture>;
