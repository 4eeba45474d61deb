using System.Text;

namespace DeskPhone.Sip.Messages;

public sealed class SipResponse(int statusCode, string reasonPhrase) : SipMessage
{
    public int StatusCode { get; } = statusCode;

    public string ReasonPhrase { get; } = reasonPhrase;

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    protected override void WriteStartLine(StringBuilder text) =>
        text.Append("SIP/2.0 ").Append(StatusCode).Append(' ').Append(ReasonPhrase).Append("\r\n");
}
