using System.Net;
using System.Net.Sockets;

namespace Petition.Web.Abuse;

/// <summary>
/// A short keyed hash of the client's network (/24 for IPv4, /48 for IPv6): enough to see a burst of signatures from
/// one place, kept after the address itself is deleted, and naming no single machine. Keyed (the site's address
/// key), because there are only 16 million IPv4 /24s: a plain hash in a copy of the database would be undone by
/// trying them all.
/// </summary>
public static class NetworkHash
{
    public static string? Of(string? ipAddress, Petition.Data.Sealing.IPersonalDataSeal keys)
    {
        if (!IPAddress.TryParse(ipAddress, out var ip))
            return null;
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        var bytes = ip.GetAddressBytes();
        var prefix = ip.AddressFamily == AddressFamily.InterNetwork ? bytes[..3] : bytes[..6];
        return keys.Hash("network:" + Convert.ToHexString(prefix))[..16];
    }
}
