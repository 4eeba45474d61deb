namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>
/// The first line of a message (RFC 3261 §7.1, §7.2), as bytes of the datagram. A request line
/// with a defect is still broken into method and Request-URI so the request can be answered.
/// </summary>
internal readonly ref struct StartLine
{
    public bool IsRequest { get; init; }

    public ReadOnlySpan<byte> Method { get; init; }

    public ReadOnlySpan<byte> RequestUri { get; init; }

    public int StatusCode { get; init; }

    public ReadOnlySpan<byte> ReasonPhrase { get; init; }

    /// <summary>What is wrong with an otherwise recognisable request line; null when nothing.</summary>
    public string? Defect { get; init; }

    public bool UnsupportedVersion { get; init; }
}
