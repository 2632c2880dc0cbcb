using System.Net;
using System.Net.Sockets;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// A port for a listener that must be named before it starts (an app whose links carry its address, nginx, a gate).
/// Asking the kernel for port 0 and closing it hands out a port from the ephemeral range, which the kernel may give
/// the next outgoing connection (to PostgreSQL, to the SMTP sink) before the listener binds it: "address already in
/// use" on a busy machine. Ports below that range are never handed out by the kernel, so only this suite picks
/// them, each process from its own stride, each port once.
/// </summary>
public static class LoopbackPorts
{
    const int Lowest = 10_000;
    static readonly int Highest = EphemeralStart() - 1;
    static int next = Lowest + Environment.ProcessId % 97 * 211;

    public static int Free()
    {
        var span = Highest - Lowest + 1;
        for (var tries = 0; tries < 1_000; tries++)
        {
            var port = Lowest + (int)((uint)Interlocked.Increment(ref next) % (uint)span);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException) { } // another process's listener: the next one
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return Math.Max(Lowest + 1_000, int.Parse(range[0]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768; // Linux's default
        }
    }
}
