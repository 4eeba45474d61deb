using System.Text;

namespace DeskPhone.Sip.Messages;

public sealed class SipRequest : SipMessage
{
    private readonly int uriStart;
    private readonly int uriLength;
    private string? requestUri;

    public SipRequest(string method, string requestUri)
    {
        Method = method;
        this.requestUri = requestUri;
    }

    /// <summary>A parsed request whose Request-URI stays bytes of the datagram until read.</summary>
    internal SipRequest(string method, HeaderTable headers, int uriStart, int uriLength)
        : base(headers)
    {
        Method = method;
        this.uriStart = uriStart;
        this.uriLength = uriLength;
    }

    public string Method { get; }

    public string RequestUri
    {
        get => requestUri ??= HeaderTable.Decode(uriStart, uriLength);
        set => requestUri = value;
    }

    private protected override int StartLineByteCount() =>
        Encoding.UTF8.GetByteCount(Method) + Encoding.UTF8.GetByteCount(RequestUri) + " SIP/2.0\r\n"u8.Length + 1;

    private protected override int WriteStartLine(Span<byte> destination)
    {
        var at = Encoding.UTF8.GetBytes(Method, destination);
        destination[at++] = (byte)' ';
        at += Encoding.UTF8.GetBytes(RequestUri, destination[at..]);
        return at + Write(" SIP/2.0\r\n"u8, destination[at..]);
    }
}
