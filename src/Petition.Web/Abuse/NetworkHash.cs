using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Petition.Web.Abuse;

/// <summary>
/// A short hash of the client's network (/24 for IPv4, /48 for IPv6): enough to see a burst of signatures from one
/// place, kept after the address itself is deleted, and naming no single machine.
/// </summary>
public static class NetworkHash
{
    public static string? Of(string? ipAddress)
    {
        if (!IPAddress.TryParse(ipAddress, out var ip))
            return null;
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        var bytes = ip.GetAddressBytes();
        var prefix = ip.AddressFamily == AddressFamily.InterNetwork ? bytes[..3] : bytes[..6];
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes("petition-network:" + Convert.ToHexString(prefix)));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }
}
