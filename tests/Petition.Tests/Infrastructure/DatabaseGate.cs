using System.Net;
using System.Net.Sockets;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// A TCP relay between one app and the PostgreSQL server. Closing it makes the database vanish for that app
/// alone (the shared server keeps running for everyone else); holding makes it accept connections and never answer,
/// like a server that hangs.
/// </summary>
public sealed class DatabaseGate : IAsyncDisposable
{
    readonly string targetHost;
    readonly int targetPort;
    readonly List<TcpClient> connections = [];
    TcpListener? listener;
    CancellationTokenSource? running;

    public int Port { get; }

    DatabaseGate(string targetHost, int targetPort, int port)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Port = port;
    }

    public static DatabaseGate Open(string targetHost, int targetPort)
    {
        var gate = new DatabaseGate(targetHost, targetPort, LoopbackPorts.Free());
        gate.Listen(relay: true);
        return gate;
    }

    /// <summary>Drops every connection and stops listening: connecting is refused.</summary>
    public void Close()
    {
        running?.Cancel();
        listener?.Stop();
        listener = null;
        lock (connections)
        {
            foreach (var connection in connections) connection.Dispose();
            connections.Clear();
        }
    }

    public void Reopen() { Close(); Listen(relay: true); }

    /// <summary>Drops every connection, then accepts new ones and never answers them.</summary>
    public void Hang() { Close(); Listen(relay: false); }

    void Listen(bool relay)
    {
        running = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener, relay, running.Token);
    }

    async Task AcceptAsync(TcpListener server, bool relay, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await server.AcceptTcpClientAsync(stop); }
            catch (Exception) { return; }
            Track(client);
            if (relay)
                _ = RelayAsync(client, stop);
        }
    }

    async Task RelayAsync(TcpClient client, CancellationToken stop)
    {
        var upstream = new TcpClient();
        Track(upstream);
        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, stop);
            await Task.WhenAny(
                client.GetStream().CopyToAsync(upstream.GetStream(), stop),
                upstream.GetStream().CopyToAsync(client.GetStream(), stop));
        }
        catch (Exception) { /* one side went away */ }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    void Track(TcpClient client)
    {
        lock (connections) connections.Add(client);
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
