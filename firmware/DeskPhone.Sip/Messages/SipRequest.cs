using System.Text;

namespace DeskPhone.Sip.Messages;

public sealed class SipRequest(string method, string requestUri) : SipMessage
{
    public string Method { get; } = method;

    public string RequestUri { get; set; } = requestUri;

    protected override void WriteStartLine(StringBuilder text) =>
        text.Append(Method).Append(' ').Append(RequestUri).Append(" SIP/2.0\r\n");
}
