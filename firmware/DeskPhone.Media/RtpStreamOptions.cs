using System.Net;

namespace DeskPhone.Media;

/// <summary>Where an <see cref="RtpStream"/> binds its socket.</summary>
public sealed record RtpStreamOptions
{
    /// <summary>The local address to bind, normally the one advertised in SDP.</summary>
    public required IPAddress LocalAddress { get; init; }

    /// <summary>Lowest UDP port to use (inclusive).</summary>
    public int FirstPort { get; init; } = 16384;

    /// <summary>Highest UDP port to use (inclusive); only even ports are bound (RFC 3550 §11).</summary>
    public int LastPort { get; init; } = 32767;
}
