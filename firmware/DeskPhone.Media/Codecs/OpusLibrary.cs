namespace DeskPhone.Media.Codecs;

/// <summary>Which implementation of Opus (RFC 6716) codes a stream.</summary>
internal enum OpusLibrary
{
    /// <summary>The system's libopus (<c>libopus.so.0</c>): no managed allocation per frame.</summary>
    Native,

    /// <summary>Concentus, the managed port of libopus: allocates on every frame, so only the fallback.</summary>
    Managed,
}
