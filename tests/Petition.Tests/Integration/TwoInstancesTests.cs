using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Petition.Data.Outbox;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Database;
using Petition.Web.Privacy;

namespace Petition.Tests.Integration;

/// <summary>Two instances of the app on one PostgreSQL database, as behind a load balancer.</summary>
public class TwoInstancesTests : IAsyncLifetime
{
    PetitionApp first = null!;
    PetitionApp second = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.PostgresAsync();
        first = await PetitionApp.StartAsync(database); // migrates and seeds; the second finds it done
        second = await PetitionApp.StartAsync(new TestDatabase { Provider = "Postgres", ConnectionString = database.ConnectionString, KeyFile = database.KeyFile });
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync(); // drops the database
    }

    [Fact]
    public async Task Each_email_is_sent_exactly_once_while_both_dispatchers_run()
    {
        const int count = 300;
        var now = first.Clock.GetUtcNow();
        await first.Db(async db =>
        {
            for (var i = 0; i < count; i++)
                db.Outbox.Add(new OutboxMessage
                {
                    ToAddress = $"once-{i}@example.org", Subject = $"Once {i}", TextBody = "Sent once.",
                    CreatedAt = now, NextAttemptAt = now,
                });
            await db.SaveChangesAsync();
        });

        var ids = await first.Db(db => db.Outbox.Select(m => m.Id).ToListAsync());
        await Eventually.HoldsAsync(async () => await first.Db(db => db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null)) == count,
            "the outbox drained");

        var received = first.Smtp.Received.Concat(second.Smtp.Received)
            .Where(m => m.Subject?.StartsWith("Once ") == true).ToList();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task A_form_token_and_cookie_issued_by_one_instance_are_accepted_by_the_other()
    {
        var email = $"{Signer.Unique("shared")}@example.org";
        await first.Client().SignByApiAsync("upr-accountability", Signer.ApiBody("Shared Keys", email));
        var link = await Signer.ConfirmationPathAsync([first, second], email);

        var fromFirst = await Browser(first).GetAsync(link);
        var cookies = string.Join("; ", fromFirst.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Assert.Contains(".AspNetCore.Antiforgery.", cookies);
        var toSecond = Browser(second);
        toSecond.DefaultRequestHeaders.Add("Cookie", cookies);

        var posted = await toSecond.SubmitAsync(await fromFirst.ReadDocumentAsync(), link);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var state = await second.Db(db => db.Signatures.Where(s => s.EmailHash == second.AddressHash(email)).Select(s => s.State).SingleAsync());
        Assert.Equal(SignatureState.Published, state);
    }

    [Fact]
    public async Task A_form_token_without_its_cookie_is_refused_by_the_other_instance()
    {
        var email = $"{Signer.Unique("nocookie")}@example.org";
        await first.Client().SignByApiAsync("upr-accountability", Signer.ApiBody("No Cookie", email));
        var link = await Signer.ConfirmationPathAsync([first, second], email);
        var fromFirst = await Browser(first).GetAsync(link);

        var posted = await Browser(second).SubmitAsync(await fromFirst.ReadDocumentAsync(), link);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    [Fact]
    public async Task One_instance_sweeps_at_a_time_and_the_other_skips_the_round()
    {
        var firstSweep = first.Services.GetRequiredService<RetentionSweep>();
        var secondSweep = second.Services.GetRequiredService<RetentionSweep>();
        // Another instance in the middle of a sweep holds the job's lock, as the first would.
        await using (var other = new NpgsqlConnection(first.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var sweeping = await other.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({JobLock.Key("retention-sweep")})", other, sweeping))
                await take.ExecuteNonQueryAsync();

            Assert.False((await firstSweep.SweepAsync(default)).Ran);
            Assert.False((await secondSweep.SweepAsync(default)).Ran);
        }
        // Once that sweep is over, the next round runs.
        Assert.True((await secondSweep.SweepAsync(default)).Ran);
        var both = await Task.WhenAll(firstSweep.SweepAsync(default), secondSweep.SweepAsync(default));
        Assert.Contains(both, r => r.Ran);
    }

    static HttpClient Browser(PetitionApp app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri("http://petition.test"),
    });
}
