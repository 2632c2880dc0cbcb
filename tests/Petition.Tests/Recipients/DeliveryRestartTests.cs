using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Recipients;

/// <summary>
/// A delivery to 193 missions on PostgreSQL, its instance stopped while it sends, then finished by two instances at
/// once: each mission gets its one email (one Message-Id), none is lost.
/// </summary>
public class DeliveryRestartTests
{
    [Fact]
    public async Task A_delivery_stopped_mid_sending_and_finished_by_two_instances_reaches_each_mission_exactly_once()
    {
        var database = await TestDatabase.PostgresAsync();
        TestDatabase Same() => new() { Provider = "Postgres", ConnectionString = database.ConnectionString, KeyFile = database.KeyFile };
        var first = await PetitionApp.StartAsync(Same());
        // The key file lives beside the database, and a stopped app's copy of the database deletes its folder.
        var keyFile = await File.ReadAllBytesAsync(database.KeyFile);
        var admin = await first.SignInAsync(await first.CreateAdminAsync());
        var letter = await first.AddLetterAsync(Signer.Unique("restart"));
        var (csv, addresses) = RecipientPages.Missions($"{Signer.Unique("un")}.example");
        await admin.CommitRecipientsAsync(await admin.PreviewRecipientsAsync(letter.Slug, csv), letter.Slug);
        var page = await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}/delivery");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, $"/admin/letters/{letter.Slug}/delivery",
            formSelector: "form[action*='handler=Deliver']:not(.redeliver)")).StatusCode);
        await first.DisposeAsync(); // stopped at once: its sender had begun
        var sentBefore = first.Smtp.Received.Count(m => addresses.Contains(m.To.Mailboxes.Single().Address));
        Directory.CreateDirectory(Path.GetDirectoryName(database.KeyFile)!);
        await File.WriteAllBytesAsync(database.KeyFile, keyFile);

        await using var second = await PetitionApp.StartAsync(database);
        await using var third = await PetitionApp.StartAsync(Same());
        // What the stopped instance had claimed stays its own until its claim runs out (15 minutes), and a send it
        // gave up on as it stopped is retried after a pause: the two clocks move on while the instances drain.
        second.Clock.Advance(TimeSpan.FromMinutes(20));
        third.Clock.Advance(TimeSpan.FromMinutes(20));
        await Eventually.HoldsAsync(async () =>
        {
            await Task.WhenAll(second.DrainOutboxAsync(), third.DrainOutboxAsync());
            second.Clock.Advance(TimeSpan.FromMinutes(1));
            third.Clock.Advance(TimeSpan.FromMinutes(1));
            return await second.Db(db => db.Outbox.CountAsync(m => m.SentAt == null && m.FailedAt == null)) == 0;
        }, "the outbox drained by the two instances");
        // A send cut off by the stop may have reached the server before it was marked sent: the outbox then sends it
        // again with the same Message-Id (decision 018), which a mail system takes as the one message it already has.
        var received = first.Smtp.Received.Concat(second.Smtp.Received).Concat(third.Smtp.Received)
            .Where(m => addresses.Contains(m.To.Mailboxes.Single().Address))
            .GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Select(m => m.MessageId).Distinct().ToList());
        Assert.True(sentBefore < addresses.Count, "the first instance was stopped before it had sent everything");
        Assert.Equal(addresses.Order(), received.Keys.Order());
        Assert.All(received, r => Assert.Single(r.Value));
        Assert.Equal(193, received.Values.Select(ids => ids[0]).Distinct().Count());
    }
}
