using System.Net;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>
/// Floods from elsewhere than the registrar: each source gets a burst and then its rate (token
/// bucket on the fake clock), and the loop never has more than a bounded number of messages waiting.
/// </summary>
public sealed class FloodLimitTests : IDisposable
{
    private static readonly IPEndPoint Peer = new(IPAddress.Parse("127.0.0.2"), 5099);

    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task OneSource_GetsItsBurstThenItsRate_AndIsCounted()
    {
        for (var i = 0; i < 300; i++)
        {
            await harness.Receive(Options(i), Peer);
        }

        Assert.Equal(200, harness.Transport.Responses(200).Count());
        Assert.Equal(100, await harness.OnLoop(() => harness.Agent.RateLimited));

        await harness.Advance(TimeSpan.FromSeconds(1));
        for (var i = 300; i < 400; i++)
        {
            await harness.Receive(Options(i), Peer);
        }

        Assert.Equal(250, harness.Transport.Responses(200).Count());
    }

    [Fact]
    public async Task TheRegistrar_IsNotLimited()
    {
        for (var i = 0; i < 500; i++)
        {
            await harness.Receive(Options(i));
        }

        Assert.Equal(500, harness.Transport.Responses(200).Count());
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.RateLimited));
    }

    [Fact]
    public async Task AnotherSource_HasItsOwnBucket()
    {
        for (var i = 0; i < 250; i++)
        {
            await harness.Receive(Options(i), Peer);
        }

        await harness.Receive(Options(999), new IPEndPoint(IPAddress.Parse("127.0.0.3"), 5099));

        Assert.Equal(201, harness.Transport.Responses(200).Count());
    }

    [Fact]
    public async Task WhileTheLoopIsBusy_MessagesBeyondTheBoundAreDroppedUnparsed()
    {
        using var release = new ManualResetEventSlim();
        harness.Loop.Post(release.Wait);

        for (var i = 0; i < 1500; i++)
        {
            harness.Agent.ReceiveDatagram(System.Text.Encoding.ASCII.GetBytes(Options(i)), SipTestHarness.Pbx);
        }

        Assert.Equal(500, harness.Agent.OverloadDropped);
        release.Set();
        await harness.Drain();
        Assert.Equal(1000, harness.Transport.Responses(200).Count());

        // Room again once the loop has caught up.
        await harness.Receive(Options(2000));
        Assert.Equal(1001, harness.Transport.Responses(200).Count());
    }

    private static string Options(int i) =>
        $"OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:5099;branch=z9hG4bKfl{i}\r\nFrom: <sip:scan@x>;tag=s{i}\r\n" +
        $"To: <sip:101@x>\r\nCall-ID: flood-{i}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
}
