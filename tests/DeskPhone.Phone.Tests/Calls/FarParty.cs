using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>
/// The far end of one dialog with the phone under test, writing its requests as the peer would
/// (RFC 3261 §12.2.1.1): its own tag in From, the phone's in To, a rising CSeq.
/// </summary>
internal sealed class FarParty(string user, string callId, string farTag, string phoneTag)
{
    private int sequence = 10;

    public string CallId => callId;

    public string Tag => farTag;

    public string PhoneTag => phoneTag;

    /// <summary>The far end of the call the phone answered from <see cref="Far.Invite"/> (Anna Rossi at 102).</summary>
    public static FarParty Anna(PhoneTestRig rig) =>
        new("102", "in-1", "anna", rig.Transport.Responses(200).First(r => r.CallId == "in-1" && r.CSeq.Method == SipMethods.Invite).To.Tag!);

    /// <summary>The far end of a call the phone placed, once it answered with <see cref="Far.Reply"/> (to-tag "far-tag").</summary>
    public static FarParty Called(SipRequest invite) =>
        new(SipUri.TryParse(invite.RequestUri, out var uri) ? uri.User ?? "far" : "far", invite.CallId, "far-tag", invite.From.Tag!);

    public string Request(string method, string body = "", params (string Name, string Value)[] headers)
    {
        var cseq = ++sequence;
        var text = new StringBuilder()
            .Append($"{method} sip:101@127.0.0.1:5070 SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{callId}{method}{cseq}\r\n")
            .Append($"From: <sip:{user}@pbx>;tag={farTag}\r\n")
            .Append($"To: <sip:101@pbx>;tag={phoneTag}\r\n")
            .Append($"Call-ID: {callId}\r\n")
            .Append($"CSeq: {cseq} {method}\r\n")
            .Append($"Contact: <sip:{user}@127.0.0.1:5080>\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append($"{name}: {value}\r\n");
        }

        return text.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}").ToString();
    }

    /// <summary>The ACK for the phone's 2xx to the far end's INVITE with CSeq <paramref name="inviteSequence"/>.</summary>
    public string Ack(int inviteSequence) =>
        $"ACK sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{callId}ack{inviteSequence}\r\n" +
        $"From: <sip:{user}@pbx>;tag={farTag}\r\n" +
        $"To: <sip:101@pbx>;tag={phoneTag}\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {inviteSequence} ACK\r\n" +
        "Content-Length: 0\r\n\r\n";

    /// <summary>A NOTIFY for the phone's REFER (RFC 3515 §2.4.5) carrying a sipfrag status line.</summary>
    public string Notify(int status, string reason, bool final) => Request(
        SipMethods.Notify,
        $"SIP/2.0 {status} {reason}\r\n",
        ("Event", "refer"),
        ("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=60"),
        (HeaderNames.ContentType, "message/sipfrag;version=2.0"));

    /// <summary>A new INVITE from someone else, outside any dialog.</summary>
    public static string Invite(string callId, string user, string name, string tag, string body = "remote-offer", params (string Name, string Value)[] headers)
    {
        var text = new StringBuilder()
            .Append("INVITE sip:101@127.0.0.1:5070 SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{callId}\r\n")
            .Append($"From: \"{name}\" <sip:{user}@pbx>;tag={tag}\r\n")
            .Append("To: <sip:101@pbx>\r\n")
            .Append($"Call-ID: {callId}\r\n")
            .Append("CSeq: 1 INVITE\r\n")
            .Append($"Contact: <sip:{user}@127.0.0.1:5081>\r\n")
            .Append("Content-Type: application/sdp\r\n");
        foreach (var (headerName, value) in headers)
        {
            text.Append($"{headerName}: {value}\r\n");
        }

        return text.Append($"Content-Length: {body.Length}\r\n\r\n{body}").ToString();
    }
}
