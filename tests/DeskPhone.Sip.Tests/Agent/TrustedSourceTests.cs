using System.Net;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>
/// Sip:TrustedSourcesOnly: while registered, out-of-dialog requests from any address but the
/// registrar's are dropped unanswered and counted; in-dialog requests are not affected.
/// </summary>
public sealed class TrustedSourceTests : IDisposable
{
    private static readonly IPEndPoint Scanner = new(IPAddress.Parse("127.0.0.2"), 5060);
    private readonly ListLoggerProvider log = new();
    private readonly SipTestHarness harness;

    public TrustedSourceTests() => harness = new SipTestHarness(loggers: log);

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Registered_InviteFromElsewhere_IsDroppedUnanswered_NeverRings_AndCounted()
    {
        var rang = 0;
        await harness.OnLoop(() => harness.Agent.IncomingCall += _ => rang++);
        await Register();
        var transactions = await harness.OnLoop(() => harness.Agent.Transactions.Count);

        await harness.Receive(Peer.Invite(), Scanner);

        Assert.Equal(0, rang);
        Assert.DoesNotContain(harness.Transport.Sent, s => s.Message is SipResponse);
        Assert.Equal(1, await harness.OnLoop(() => harness.Agent.UntrustedDropped));
        Assert.Equal(transactions, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("MESSAGE")]
    [InlineData("NOTIFY")]
    [InlineData("SUBSCRIBE")]
    [InlineData("REFER")]
    [InlineData("INFO")]
    [InlineData("FOO")]
    public async Task Registered_AnyOutOfDialogRequestFromElsewhere_IsDropped(string method)
    {
        await Register();

        await harness.Receive(Request(method, toTag: null), Scanner);

        Assert.DoesNotContain(harness.Transport.Sent, s => s.Message is SipResponse);
        Assert.Equal(1, await harness.OnLoop(() => harness.Agent.UntrustedDropped));
    }

    [Fact]
    public async Task Registered_MalformedRequestFromElsewhere_IsDroppedInsteadOfAnswered400()
    {
        await Register();

        await harness.Receive(Request("OPTIONS", toTag: null).Replace("Content-Length: 0", "Content-Length: 99"), Scanner);

        Assert.Empty(harness.Transport.Responses(400));
        Assert.Equal(1, await harness.OnLoop(() => harness.Agent.UntrustedDropped));
    }

    [Fact]
    public async Task Registered_InviteFromTheRegistrarAddressOnAnotherPort_Rings()
    {
        var rang = 0;
        await harness.OnLoop(() => harness.Agent.IncomingCall += _ => rang++);
        await Register();

        // A proxy sends over TCP from ephemeral ports: the address is what counts.
        await harness.Receive(Peer.Invite(), new IPEndPoint(IPAddress.Loopback, 40000));

        Assert.Equal(1, rang);
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.UntrustedDropped));
    }

    [Fact]
    public async Task NotRegistered_RequestFromElsewhere_IsAnswered()
    {
        await harness.Receive(Request("OPTIONS", toTag: null), Scanner);

        Assert.Single(harness.Transport.Responses(200));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.UntrustedDropped));
    }

    [Fact]
    public async Task PolicyOff_RegisteredPhone_AnswersAnyone()
    {
        using var peerToPeer = new SipTestHarness(trustedSourcesOnly: false);
        await peerToPeer.OnLoop(peerToPeer.Agent.Registration.Start);
        await peerToPeer.Receive(Peer.Reply(peerToPeer.Transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "3600")));

        await peerToPeer.Receive(Request("OPTIONS", toTag: null), Scanner);

        Assert.Single(peerToPeer.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Options);
        Assert.Equal(0, await peerToPeer.OnLoop(() => peerToPeer.Agent.UntrustedDropped));
    }

    [Fact]
    public async Task Registered_InDialogRequestFromElsewhere_IsMatchedToItsDialog()
    {
        SipCall? call = null;
        await harness.OnLoop(() => harness.Agent.IncomingCall += c => call = c);
        await Register();
        await harness.Receive(Peer.Invite());
        await harness.OnLoop(() => call!.Answer("answer"u8.ToArray()));
        var ok = harness.Transport.Responses(200).Single(r => r.CSeq.Method == SipMethods.Invite);

        // A peer without record-routing sends its BYE straight from its own address.
        await harness.Receive($"BYE sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKbye\r\nFrom: <sip:102@deskphone.lab>;tag=peer-tag\r\nTo: <sip:101@deskphone.lab>;tag={ok.To.Tag}\r\nCall-ID: call-1@peer\r\nCSeq: 11 BYE\r\nContent-Length: 0\r\n\r\n", Scanner);
        await harness.Receive(Request("BYE", toTag: "nobody"), Scanner);

        Assert.Equal(CallEndReason.RemoteHangup, await harness.OnLoop(() => call!.EndReason));
        Assert.Single(harness.Transport.Responses(481));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.UntrustedDropped));
    }

    [Fact]
    public async Task Drops_AreLoggedOncePerSourcePerMinute()
    {
        await Register();
        var other = new IPEndPoint(IPAddress.Parse("127.0.0.3"), 5060);

        await harness.Receive(Request("OPTIONS", toTag: null, branch: "a"), Scanner);
        await harness.Receive(Request("INVITE", toTag: null, branch: "b"), Scanner);
        await harness.Receive(Request("OPTIONS", toTag: null, branch: "c"), other);
        Assert.Equal(2, DropLines());

        await harness.Advance(TimeSpan.FromSeconds(59));
        await harness.Receive(Request("OPTIONS", toTag: null, branch: "d"), Scanner);
        Assert.Equal(2, DropLines());

        await harness.Advance(TimeSpan.FromSeconds(1));
        await harness.Receive(Request("OPTIONS", toTag: null, branch: "e"), Scanner);
        Assert.Equal(3, DropLines());
        Assert.Contains("5 dropped so far", log.Lines.Last().Text);
    }

    [Fact]
    public async Task Drops_FromManySources_LogAtMost64LinesAMinute_AndCountEveryOne()
    {
        await Register();

        for (var i = 0; i < 100; i++)
        {
            harness.Agent.ReceiveDatagram(System.Text.Encoding.ASCII.GetBytes(Request("OPTIONS", toTag: null, branch: "s" + i)), new IPEndPoint(IPAddress.Parse("10.0.0." + (i + 1)), 5060));
        }

        await harness.Drain();
        Assert.Equal(64, DropLines());
        Assert.Equal(100, await harness.OnLoop(() => harness.Agent.UntrustedDropped));

        await harness.Advance(TimeSpan.FromMinutes(1));
        await harness.Receive(Request("OPTIONS", toTag: null, branch: "late"), new IPEndPoint(IPAddress.Parse("10.0.0.99"), 5060));
        Assert.Equal(65, DropLines());
    }

    private int DropLines() => log.Lines.Count(l => l.Level == LogLevel.Warning && l.Text.StartsWith("Dropped an out-of-dialog", StringComparison.Ordinal));

    private async Task Register()
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "3600")));
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
    }

    private static string Request(string method, string? toTag, string branch = "z9hG4bKscan") =>
        $"{method} sip:101@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK{branch}\r\nFrom: <sip:scanner@127.0.0.2>;tag=s1\r\n" +
        $"To: <sip:101@127.0.0.1>{(toTag is null ? string.Empty : ";tag=" + toTag)}\r\nCall-ID: scan-{branch}\r\nCSeq: 1 {method}\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
}
