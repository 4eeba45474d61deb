using System.Globalization;
using System.Text;

namespace DeskPhone.Sip.Messages;

public sealed class SipResponse : SipMessage
{
    public SipResponse(int statusCode, string reasonPhrase)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    internal SipResponse(int statusCode, string reasonPhrase, HeaderTable headers)
        : base(headers)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    private protected override int StartLineByteCount() =>
        "SIP/2.0 000 \r\n"u8.Length + Encoding.UTF8.GetByteCount(ReasonPhrase);

    private protected override int WriteStartLine(Span<byte> destination)
    {
        var at = Write("SIP/2.0 "u8, destination);
        StatusCode.TryFormat(destination[at..(at + 3)], out _, "D3", CultureInfo.InvariantCulture);
        at += 3;
        destination[at++] = (byte)' ';
        at += Encoding.UTF8.GetBytes(ReasonPhrase, destination[at..]);
        return at + Write("\r\n"u8, destination[at..]);
    }
}
