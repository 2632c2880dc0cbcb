using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Outbox;
using Petition.Tests.Infrastructure;
using Petition.Web.Email;

namespace Petition.Tests.Adversary;

/// <summary>
/// Fault drill: the SMTP relay accepts connections and never answers (a wedged relay, or one that tarpits us).
/// One message pays the timeout; the rest of the batch goes back to the outbox at once, unattempted, instead of
/// each paying the timeout in turn until the batch outlives its lease and another sender claims the same rows.
/// </summary>
public sealed class HangingRelayTests : IAsyncDisposable
{
    readonly SilentRelay relay = new();

    [Fact]
    public async Task A_relay_that_never_answers_costs_one_timeout_and_the_rest_of_the_batch_is_released()
    {
        await using var app = await PetitionApp.StartAsync(settings: new()
        {
            ["Email:Smtp:Port"] = relay.Port.ToString(),
            ["Email:Smtp:Timeout"] = "00:00:01", // MailKit's own timer: the drill takes a second
        });
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StopAsync(CancellationToken.None); // the test is the only sender
        var ids = await QueueAsync(app, 3);

        Assert.Equal(3, await dispatcher.DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(1, relay.Connections);
        var messages = await app.Db(db => db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(1, messages[0].Attempts);
        Assert.NotNull(messages[0].LastError);
        Assert.All(messages, m => Assert.Null(m.LockedUntil));
        Assert.All(messages, m => Assert.Null(m.SentAt));
        Assert.All(messages[1..], m => Assert.Equal(0, m.Attempts));
        Assert.All(messages[1..], m => Assert.True(m.NextAttemptAt <= app.Clock.GetUtcNow(), "released: due again at once"));
    }

    [Fact]
    public async Task The_send_timeout_runs_on_the_apps_clock()
    {
        await using var app = await PetitionApp.StartAsync(settings: new()
        {
            ["Email:Smtp:Port"] = relay.Port.ToString(),
            ["Email:Smtp:Timeout"] = "00:01:00", // MailKit's timer would take a minute; the app's clock is moved instead
        });
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StopAsync(CancellationToken.None);
        var ids = await QueueAsync(app, 2);

        var batch = dispatcher.DispatchBatchAsync(CancellationToken.None);
        await relay.Accepted.WaitAsync(TimeSpan.FromSeconds(60)); // the sender is now waiting for a greeting
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, await batch.WaitAsync(TimeSpan.FromSeconds(30)));
        var attempts = await app.Db(db => db.Outbox.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Attempts).ToListAsync());
        Assert.Equal([1, 0], attempts);
    }

    static async Task<List<long>> QueueAsync(PetitionApp app, int count)
    {
        var now = app.Clock.GetUtcNow();
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            ToAddress = $"{Signer.Unique("hang")}@example.org", Subject = $"Hang {i}", TextBody = "Never answered.",
            CreatedAt = now, NextAttemptAt = now,
        }).ToList();
        await app.Db(async db => { db.Outbox.AddRange(messages); await db.SaveChangesAsync(); });
        return messages.Select(m => m.Id).ToList();
    }

    public ValueTask DisposeAsync()
    {
        relay.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A TCP listener on loopback that accepts every connection and never says a word.</summary>
    sealed class SilentRelay : IDisposable
    {
        readonly TcpListener listener = new(IPAddress.Loopback, 0);
        readonly List<Socket> sockets = [];
        readonly TaskCompletionSource accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int connections;

        public SilentRelay()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref connections);
        public Task Accepted => accepted.Task;

        async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await listener.AcceptSocketAsync();
                    lock (sockets) sockets.Add(socket);
                    Interlocked.Increment(ref connections);
                    accepted.TrySetResult();
                }
            }
            catch (Exception) { /* stopped */ }
        }

        public void Dispose()
        {
            listener.Stop();
            lock (sockets) sockets.ForEach(s => s.Dispose());
        }
    }
}
