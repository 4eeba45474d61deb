namespace DeskPhone.Sip.Transport;

public enum StreamFrameKind
{
    /// <summary>The bytes so far are the start of a frame; read more.</summary>
    NeedMore,

    /// <summary>A whole SIP message of <see cref="StreamFrame.Length"/> bytes.</summary>
    Message,

    /// <summary>A double-CRLF keep-alive ping (RFC 5626 §4.4.1); answer it with a pong.</summary>
    Ping,

    /// <summary>A single-CRLF keep-alive pong (RFC 5626 §4.4.1).</summary>
    Pong,

    /// <summary>The stream cannot be framed any more (<see cref="StreamFrame.Defect"/> says why); close the connection.</summary>
    Invalid,
}

/// <summary>What <see cref="SipStreamFramer.Read"/> found at the start of the unread bytes of a stream.</summary>
public readonly record struct StreamFrame(StreamFrameKind Kind, int Length, string? Defect = null)
{
    public static readonly StreamFrame NeedMore = new(StreamFrameKind.NeedMore, 0);

    public static StreamFrame Invalid(string defect) => new(StreamFrameKind.Invalid, 0, defect);
}
