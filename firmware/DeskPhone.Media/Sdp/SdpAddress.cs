using System.Net;
using System.Net.Sockets;

namespace DeskPhone.Media.Sdp;

/// <summary>Turns a peer's c= line into an address this phone can send to.</summary>
internal static class SdpAddress
{
    /// <summary>
    /// Host names are valid in c= (RFC 8866 §5.7) but resolving one here would block, so only
    /// address literals of our own family are accepted.
    /// </summary>
    public static bool TryResolve(SdpConnection? connection, AddressFamily localFamily, out IPAddress address)
    {
        address = IPAddress.None;
        if (connection is null || !IPAddress.TryParse(connection.Address, out IPAddress? parsed))
        {
            return false;
        }

        AddressFamily declared = connection.AddressType switch
        {
            "IP4" => AddressFamily.InterNetwork,
            "IP6" => AddressFamily.InterNetworkV6,
            _ => AddressFamily.Unknown,
        };
        if (parsed.AddressFamily != declared || declared != localFamily)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>
    /// An unspecified address is the pre-RFC 3264 way to put a call on hold: the peer must not
    /// be sent media (RFC 3264 §8.4).
    /// </summary>
    public static bool IsHold(IPAddress address) =>
        address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    public static string AddressType(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
}
