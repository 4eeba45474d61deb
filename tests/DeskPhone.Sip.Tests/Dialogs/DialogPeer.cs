using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Dialogs;

/// <summary>
/// The far end of a call as raw SIP text: an INVITE with chosen extra headers, requests inside the
/// dialog it forms, and calls brought to Connected in both directions on a <see cref="SipTestHarness"/>.
/// </summary>
internal static class DialogPeer
{
    public const string CallId = "dialog-1@peer";
    public const string PeerTag = "peer-tag";

    /// <param name="headers">Extra header lines, each ending in CRLF.</param>
    public static string Invite(string headers = "", string body = "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\n", string branch = "z9hG4bKinv1") =>
        $"INVITE sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:102@deskphone.lab>;tag={PeerTag}\r\n" +
        "To: <sip:101@deskphone.lab>\r\n" +
        $"Call-ID: {CallId}\r\n" +
        "CSeq: 10 INVITE\r\n" +
        "Contact: <sip:102@127.0.0.1:5080>\r\n" +
        headers +
        (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) +
        $"Content-Length: {body.Length}\r\n\r\n{body}";

    /// <summary>A request from the peer inside the dialog whose tag on our side is <paramref name="toTag"/>.</summary>
    public static string InDialog(string method, string toTag, int cseq, string body = "", string headers = "", string contact = "<sip:102@127.0.0.1:5080>", string contentType = "application/sdp") =>
        $"{method} sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{method}{cseq}\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:102@deskphone.lab>;tag={PeerTag}\r\n" +
        $"To: <sip:101@deskphone.lab>;tag={toTag}\r\n" +
        $"Call-ID: {CallId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        $"Contact: {contact}\r\n" +
        headers +
        (body.Length > 0 ? $"Content-Type: {contentType}\r\n" : string.Empty) +
        $"Content-Length: {body.Length}\r\n\r\n{body}";

    /// <summary>The peer calls us with <paramref name="inviteHeaders"/>; the phone answers and the peer ACKs.</summary>
    public static async Task<(SipCall Call, string ToTag)> ConnectedIncomingCall(SipTestHarness harness, string inviteHeaders = "", string answer = "v=0\r\no=us 7 7 IN IP4 127.0.0.1\r\n")
    {
        SipCall? incoming = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += c => incoming = c);
        await harness.Receive(Invite(inviteHeaders));
        Assert.NotNull(incoming);
        await harness.OnLoop(() => incoming.Answer(System.Text.Encoding.ASCII.GetBytes(answer)));
        var toTag = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Invite).To.Tag!;
        await harness.Receive(InDialog(SipMethods.Ack, toTag, 10));
        return (incoming, toTag);
    }

    /// <summary>The phone calls 200; the callee answers with a 2xx carrying <paramref name="headers"/> and is ACKed.</summary>
    public static async Task<(SipCall Call, SipRequest Invite)> ConnectedOutgoingCall(SipTestHarness harness, byte[] offer, params (string Name, string Value)[] headers)
    {
        var call = await harness.OnLoop(() => harness.Agent.Dial("200", offer));
        var invite = harness.Transport.LastRequest(SipMethods.Invite);
        var ok = Peer.Reply(invite, 200, "OK", "callee", [(HeaderNames.Contact, "<sip:200@127.0.0.1:5090>"), .. headers]);
        ok.Body = "v=0\r\no=callee 3 3 IN IP4 127.0.0.1\r\n"u8.ToArray();
        await harness.Receive(ok);
        Assert.Equal(CallState.Connected, await harness.OnLoop(() => call.State));
        return (call, invite);
    }
}
