namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>The pieces of a validated sip: or sips: URI, still as bytes of the message (escapes not decoded).</summary>
internal readonly ref struct SipUriParts
{
    public ReadOnlySpan<byte> Scheme { get; init; }

    /// <summary>The user part as written; empty when the URI has none.</summary>
    public ReadOnlySpan<byte> User { get; init; }

    /// <summary>A host name, an IPv4 address, or an IPv6 reference with its brackets.</summary>
    public ReadOnlySpan<byte> Host { get; init; }

    public int? Port { get; init; }

    /// <summary>The URI parameters after the first ";" (without it); empty when none.</summary>
    public ReadOnlySpan<byte> Parameters { get; init; }

    /// <summary>The headers after "?" (without it); empty when none.</summary>
    public ReadOnlySpan<byte> Headers { get; init; }
}
