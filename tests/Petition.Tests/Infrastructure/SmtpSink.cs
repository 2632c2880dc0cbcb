using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Petition.Tests.Infrastructure;

/// <summary>A real SMTP server on a loopback port, inside the test process, keeping what MailKit delivers.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    readonly ConcurrentQueue<MimeMessage> received = new();
    CancellationTokenSource stop = new();
    SmtpServer.SmtpServer? server;
    Task? running;

    public int Port { get; private set; }
    public IReadOnlyCollection<MimeMessage> Received => received;

    /// <summary>When set, the server refuses every message with this SMTP status: an outage the app must survive.</summary>
    public bool Refusing { get; set; }

    /// <summary>On a port outside the kernel's ephemeral range, so it is still free when the server comes back.</summary>
    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        await sink.ListenAsync(LoopbackPorts.Free());
        return sink;
    }

    /// <summary>The server goes down: it stops listening, so connecting is refused, until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        server?.Shutdown();
        if (running is not null)
        {
            try { await running.WaitAsync(TimeSpan.FromSeconds(5)); }
            catch (Exception) { /* shutting down */ }
        }
        server = null;
        running = null;
    }

    /// <summary>The server comes back on the same port, keeping what it received before.</summary>
    public Task RestartAsync() => ListenAsync(Port);

    async Task ListenAsync(int port)
    {
        stop.Dispose();
        stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
        Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match)
    {
        MimeMessage? message = null;
        await Eventually.HoldsAsync(() => (message = received.FirstOrDefault(match)) is not null, "a matching email at the SMTP server");
        return message!;
    }

    public Task<MimeMessage> WaitForAsync(string to) => WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == to));

    public IReadOnlyList<MimeMessage> To(string address) =>
        received.Where(m => m.To.Mailboxes.Any(a => a.Address == address)).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.Refusing)
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "try again later");
            using var stream = new MemoryStream(buffer.ToArray());
            sink.received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
