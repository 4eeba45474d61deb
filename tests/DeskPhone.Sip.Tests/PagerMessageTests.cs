using System.Text;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Messaging;

namespace DeskPhone.Sip.Tests;

public sealed class PagerMessageTests : IDisposable
{
    private const string Message =
        "MESSAGE sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKmsg1\r\n" +
        "From: <sip:102@deskphone.lab>;tag=s1\r\n" +
        "To: <sip:101@deskphone.lab>\r\n" +
        "Call-ID: msg-1\r\n" +
        "CSeq: 7 MESSAGE\r\n" +
        "Content-Type: text/plain;charset=UTF-8\r\n" +
        "Content-Length: 6\r\n\r\nCiao!\n";

    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Incoming_IsHandedUpUnanswered_UntilTheReceiverAccepts()
    {
        IncomingPagerMessage? received = null;
        await harness.OnLoop(() => harness.Agent.MessageReceived += m => received = m);

        await harness.Receive(Message);

        Assert.NotNull(received);
        Assert.Equal("102", received.FromUser);
        Assert.Equal("text/plain;charset=UTF-8", received.ContentType);
        Assert.Equal("Ciao!\n", Encoding.UTF8.GetString(received.Body.Span));
        Assert.Equal("msg-1|7|s1", received.Id);
        Assert.Empty(harness.Transport.Responses(200));

        await harness.OnLoop(received.Accept);
        Assert.Single(harness.Transport.Responses(200));
    }

    [Fact]
    public async Task Incoming_Retransmission_GetsTheSameAnswerWithoutReachingTheReceiverAgain()
    {
        var count = 0;
        await harness.OnLoop(() => harness.Agent.MessageReceived += m =>
        {
            count++;
            m.Accept();
        });

        await harness.Receive(Message);
        await harness.Receive(Message);

        Assert.Equal(1, count);
        Assert.Equal(2, harness.Transport.Responses(200).Count());
    }

    [Fact]
    public async Task Incoming_Rejected_CarriesTheExtraHeaders()
    {
        await harness.OnLoop(() => harness.Agent.MessageReceived += m => m.Reject(415, "Unsupported Media Type", new SipHeader(HeaderNames.Accept, "text/plain")));

        await harness.Receive(Message);

        Assert.Equal("text/plain", harness.Transport.Responses(415).Single().Get(HeaderNames.Accept));
    }

    [Fact]
    public async Task Outgoing_ChallengedThenAccepted_ReportsAcceptedWith202()
    {
        var message = await harness.OnLoop(() => harness.Agent.SendMessage("102", "text/plain;charset=UTF-8", "hi"u8.ToArray()));
        var first = harness.Transport.LastRequest(SipMethods.Message);
        Assert.Equal("sip:102@deskphone.lab", first.RequestUri);
        Assert.Equal("hi"u8.ToArray(), first.Body.ToArray());

        await harness.Receive(Peer.Reply(first, 407, "Proxy Authentication Required", "p", (HeaderNames.ProxyAuthenticate, "Digest realm=\"deskphone.lab\", nonce=\"m1\"")));
        var second = harness.Transport.LastRequest(SipMethods.Message);
        Assert.NotNull(second.Get(HeaderNames.ProxyAuthorization));
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);

        await harness.Receive(Peer.Reply(second, 202, "Accepted", "p"));
        Assert.Equal(PagerDelivery.Accepted, message.State);
        Assert.Equal(202, message.StatusCode);
    }

    [Fact]
    public async Task Outgoing_ToAnExtensionThatIsNotRegistered_Fails480()
    {
        PagerDelivery? outcome = null;
        await harness.OnLoop(() => harness.Agent.SendMessage("150", "text/plain", "x"u8.ToArray()).Completed += m => outcome = m.State);

        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Message), 480, "Temporarily Unavailable", "p"));

        Assert.Equal(PagerDelivery.Failed, outcome);
    }

    [Fact]
    public async Task Outgoing_NoAnswer_FailsWith408AfterTimerF()
    {
        var message = await harness.OnLoop(() => harness.Agent.SendMessage("102", "text/plain", "x"u8.ToArray()));

        await harness.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(PagerDelivery.Failed, message.State);
        Assert.Equal(408, message.StatusCode);
    }
}
