using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Benchmarks;

/// <summary>
/// What the phone meets most: an INVITE with SDP as a PBX relays it (two Vias, Record-Route), and
/// the 200 OK the phone sends back; both as bytes on the wire and as messages built in code.
/// </summary>
internal static class TypicalMessages
{
    private const string Sdp =
        "v=0\r\n" +
        "o=- 3874123 3874123 IN IP4 192.0.2.20\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.20\r\n" +
        "t=0 0\r\n" +
        "m=audio 16384 RTP/AVP 9 0 8 101\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    public static readonly byte[] InviteBytes = Encoding.ASCII.GetBytes(
        "INVITE sip:101@192.0.2.10:5062 SIP/2.0\r\n" +
        "Record-Route: <sip:192.0.2.1;lr>\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKcydzigwkX\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.20:5062;received=192.0.2.20;branch=z9hG4bK74bf9a1e;rport=5062\r\n" +
        "Max-Forwards: 69\r\n" +
        "From: \"Reception\" <sip:200@pbx.example.com>;tag=9fxced76sl\r\n" +
        "To: <sip:101@pbx.example.com>\r\n" +
        "Call-ID: 3848276298220188511@192.0.2.20\r\n" +
        "CSeq: 31862 INVITE\r\n" +
        "Contact: <sip:200@192.0.2.20:5062>\r\n" +
        "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, REFER, NOTIFY\r\n" +
        "Supported: replaces\r\n" +
        "User-Agent: DeskPhone 0.1\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n" +
        "\r\n" +
        Sdp);

    public static readonly byte[] OkBytes = BuildOk().ToBytes();

    public static SipRequest BuildInvite()
    {
        var invite = new SipRequest(SipMethods.Invite, "sip:200@pbx.example.com");
        invite.Add(HeaderNames.Via, "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK1f2e3d4c5b6a7980a1b2;rport");
        invite.Add(HeaderNames.MaxForwards, "70");
        invite.Add(HeaderNames.From, "\"Desk 101\" <sip:101@pbx.example.com>;tag=4c2d9e1a07b3f865");
        invite.Add(HeaderNames.To, "<sip:200@pbx.example.com>");
        invite.Add(HeaderNames.CallId, "9d3c1b2a4f5e6d7c8b9a0f1e2d3c4b5a");
        invite.Add(HeaderNames.CSeq, "4711 INVITE");
        invite.Add(HeaderNames.UserAgent, "DeskPhone");
        invite.Add(HeaderNames.Contact, "<sip:101@192.0.2.10:5062>");
        invite.Add(HeaderNames.Allow, SipMethods.Allowed);
        invite.Add(HeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes(Sdp);
        return invite;
    }

    public static SipResponse BuildOk()
    {
        var ok = new SipResponse(200, "OK");
        ok.Add(HeaderNames.Via, "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKcydzigwkX");
        ok.Add(HeaderNames.Via, "SIP/2.0/UDP 192.0.2.20:5062;received=192.0.2.20;branch=z9hG4bK74bf9a1e;rport=5062");
        ok.Add(HeaderNames.RecordRoute, "<sip:192.0.2.1;lr>");
        ok.Add(HeaderNames.From, "\"Reception\" <sip:200@pbx.example.com>;tag=9fxced76sl");
        ok.Add(HeaderNames.To, "<sip:101@pbx.example.com>;tag=4c2d9e1a07b3f865");
        ok.Add(HeaderNames.CallId, "3848276298220188511@192.0.2.20");
        ok.Add(HeaderNames.CSeq, "31862 INVITE");
        ok.Add(HeaderNames.Contact, "<sip:101@192.0.2.10:5062>");
        ok.Add(HeaderNames.Allow, SipMethods.Allowed);
        ok.Add(HeaderNames.ContentType, "application/sdp");
        ok.Body = Encoding.ASCII.GetBytes(Sdp);
        return ok;
    }
}
