namespace DeskPhone.Media.Sdp;

/// <summary>One media description: an m= line (RFC 8866 §5.14) and the lines that follow it.</summary>
internal sealed class SdpMedia(string media, int port, string protocol, IReadOnlyList<string> formats)
{
    public string Media { get; } = media;

    public int Port { get; } = port;

    public string Protocol { get; } = protocol;

    /// <summary>The fmt tokens in the peer's order of preference (RFC 3264 §5.1).</summary>
    public IReadOnlyList<string> Formats { get; } = formats;

    /// <summary>Media-level c=; overrides the session-level one.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>Media-level direction attribute; overrides the session-level one.</summary>
    public MediaDirection? Direction { get; set; }

    public Dictionary<int, SdpRtpMap> RtpMaps { get; } = [];
}
