using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Transactions;

/// <summary>
/// RFC 3261 §17.2.3's fallback for RFC 2543 clients, whose top Via branch lacks the magic cookie:
/// requests match by Request-URI, To tag, From tag, Call-ID, CSeq and top Via (an ACK by the To
/// tag of our response, a CANCEL as if it were the INVITE, §9.2).
/// </summary>
public sealed class Rfc2543MatchingTests : IDisposable
{
    private readonly SipTestHarness harness = new();
    private SipCall? incoming;
    private int rang;

    public Rfc2543MatchingTests() =>
        harness.OnLoop(() => harness.Agent.IncomingCall += call =>
        {
            incoming = call;
            rang++;
        }).GetAwaiter().GetResult();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData(";branch=1")]
    [InlineData("")]
    public async Task Invite_Retransmitted_IsAbsorbed(string branch)
    {
        await harness.Receive(Request("INVITE", via: branch));
        await harness.Receive(Request("INVITE", via: branch));

        Assert.Equal(1, rang);
        Assert.Equal(2, harness.Transport.Responses(100).Count());
    }

    [Theory]
    [InlineData("sip:101@127.0.0.1:5071", "old-ua", "c1", 1, "127.0.0.1:5060;branch=1")]
    [InlineData("sip:101@127.0.0.1:5070", "new-ua", "c1", 1, "127.0.0.1:5060;branch=1")]
    [InlineData("sip:101@127.0.0.1:5070", "old-ua", "c2", 1, "127.0.0.1:5060;branch=1")]
    [InlineData("sip:101@127.0.0.1:5070", "old-ua", "c1", 2, "127.0.0.1:5060;branch=1")]
    [InlineData("sip:101@127.0.0.1:5070", "old-ua", "c1", 1, "127.0.0.1:5061;branch=1")]
    [InlineData("sip:101@127.0.0.1:5070", "old-ua", "c1", 1, "127.0.0.1:5060;branch=2")]
    public async Task Invite_DifferingInOneMatchedField_IsANewRequest(string requestUri, string fromTag, string callId, int cseq, string via)
    {
        await harness.Receive(Request("INVITE"));

        await harness.Receive(
            $"INVITE {requestUri} SIP/2.0\r\nVia: SIP/2.0/UDP {via}\r\nFrom: <sip:102@deskphone.lab>;tag={fromTag}\r\nTo: <sip:101@deskphone.lab>\r\n" +
            $"Call-ID: {callId}\r\nCSeq: {cseq} INVITE\r\nContact: <sip:102@127.0.0.1:5060>\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(2, rang);
    }

    [Fact]
    public async Task Invite_SameFieldsWrittenDifferently_IsStillARetransmission()
    {
        await harness.Receive(Request("INVITE", via: ";branch=1;rport"));

        // §20.42, §7.3.1: Via host and parameter names compare without case, parameters in any order.
        await harness.Receive(Request("INVITE", via: ";RPORT;branch=1").Replace("127.0.0.1:5060;", "127.0.0.1:5060 ;", StringComparison.Ordinal));

        Assert.Equal(1, rang);
    }

    [Fact]
    public async Task Invite_WithTheSameBranchButNoCookie_FromAnotherCaller_IsNotMistakenForARetransmission()
    {
        await harness.Receive(Request("INVITE", via: ";branch=0"));
        await harness.Receive(Request("INVITE", via: ";branch=0", fromTag: "other"));

        Assert.Equal(2, rang);
    }

    [Fact]
    public async Task Cancel_MatchesTheInvite_200And487()
    {
        await harness.Receive(Request("INVITE"));

        await harness.Receive(Request("CANCEL"));

        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Cancel);
        Assert.Single(harness.Transport.Responses(487));
        Assert.Equal(CallEndReason.CancelledByCaller, incoming!.EndReason);
    }

    [Theory]
    [InlineData(";branch=1", "2", "")]
    [InlineData(";branch=1;received=10.0.0.1", "1", "")]
    [InlineData(";branch=1", "1", ";tag=x")]
    public async Task Cancel_ForAnotherRequest_Gets481AndTheCallRingsOn(string via, string cseq, string toTag)
    {
        await harness.Receive(Request("INVITE", via: ";branch=1"));

        await harness.Receive(Request("CANCEL", via: via, cseq: cseq, toTag: toTag));

        Assert.Single(harness.Transport.Responses(481));
        Assert.Equal(CallState.Incoming, incoming!.State);
    }

    [Fact]
    public async Task Ack_ForOurRejection_MatchesByTheResponsesToTag_AndStopsTimerG()
    {
        await harness.Receive(Request("INVITE"));
        await harness.OnLoop(() => incoming!.Reject(486, "Busy Here"));
        var busyTag = harness.Transport.Responses(486).Single().To.Tag!;

        // An ACK naming another To tag acknowledges some other response: Timer G goes on.
        await harness.Receive(Request("ACK", toTag: ";tag=someone-else"));
        await harness.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(2, harness.Transport.Responses(486).Count());

        await harness.Receive(Request("ACK", toTag: ";tag=" + busyTag));
        await harness.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(2, harness.Transport.Responses(486).Count());
    }

    [Fact]
    public async Task NonInvite_Retransmitted_GetsTheSameResponseAgain()
    {
        await harness.Receive(Request("OPTIONS"));
        await harness.Receive(Request("OPTIONS"));

        var answers = harness.Transport.Responses(200).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal(answers[0].To.Tag, answers[1].To.Tag);
    }

    /// <summary>A request from an RFC 2543 client: no magic cookie in the branch (or no branch at all).</summary>
    private static string Request(string method, string via = ";branch=1", string cseq = "1", string toTag = "", string fromTag = "old-ua") =>
        $"{method} sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060{via}\r\n" +
        $"From: <sip:102@deskphone.lab>;tag={fromTag}\r\n" +
        $"To: <sip:101@deskphone.lab>{toTag}\r\n" +
        "Call-ID: c1\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        "Contact: <sip:102@127.0.0.1:5060>\r\n" +
        "Content-Length: 0\r\n\r\n";
}
