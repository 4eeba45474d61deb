namespace DeskPhone.Media;

/// <summary>
/// Direction of an RTP stream (RFC 8866 §6.7, RFC 3264 §5.1). In a
/// <see cref="MediaNegotiation"/> it is always from this phone's point of view.
/// </summary>
public enum MediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
