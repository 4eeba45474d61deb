using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Dialogs;

/// <summary>INFO in a dialog (RFC 6086): key presses in the legacy DTMF bodies, and everything else we refuse.</summary>
public sealed class InfoTests : IDisposable
{
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("Signal= *\r\nDuration= 250\r\n", '*', 250)]
    [InlineData("signal=#\nduration=80\n", '#', 80)]
    [InlineData("Signal=11\r\nDuration=100\r\n", '#', 100)]
    [InlineData("Signal=d\r\n", 'D', 100)]
    [InlineData("Signal=1\r\nDuration=0\r\n", '1', 100)]
    [InlineData("Signal=9\r\nDuration=600000\r\n", '9', 5000)]
    [InlineData("Duration=120\r\nSignal=0\r\nVolume=10\r\n", '0', 120)]
    public async Task DtmfRelayBody_Is200_AndReportsTheKeyAndItsDuration(string body, char digit, int milliseconds)
    {
        var received = await ReceiveInfo(body, "application/dtmf-relay");

        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Info);
        Assert.Equal([new DtmfInfo(digit, TimeSpan.FromMilliseconds(milliseconds))], received);
    }

    [Theory]
    [InlineData("7", '7')]
    [InlineData("10\r\n", '*')]
    [InlineData(" a ", 'A')]
    public async Task DtmfBody_Is200_AndReportsTheKey(string body, char digit)
    {
        var received = await ReceiveInfo(body, "Application/DTMF");

        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Info);
        Assert.Equal([new DtmfInfo(digit, DtmfInfo.DefaultDuration)], received);
    }

    [Theory]
    [InlineData("Duration=160\r\n", "application/dtmf-relay", "Bad DTMF Body - Signal Missing")]
    [InlineData("Signal=E\r\n", "application/dtmf-relay", "Bad DTMF Body - Signal Not A DTMF Key")]
    [InlineData("Signal=16\r\n", "application/dtmf-relay", "Bad DTMF Body - Signal Not A DTMF Key")]
    [InlineData("Signal=5\r\nDuration=-1\r\n", "application/dtmf-relay", "Bad DTMF Body - Duration Not A Number")]
    [InlineData("Signal=5\r\nDuration=1e3\r\n", "application/dtmf-relay", "Bad DTMF Body - Duration Not A Number")]
    [InlineData("55", "application/dtmf", "Bad DTMF Body - Signal Not A DTMF Key")]
    [InlineData("Signal=5\u0001\r\n", "application/dtmf-relay", "Bad DTMF Body - Body Not A Key Press")]
    public async Task MalformedDtmfBody_Gets400NamingTheDefect_AndNoKey(string body, string type, string reason)
    {
        var received = await ReceiveInfo(body, type);

        var refusal = Assert.Single(harness.Transport.Responses(400), r => r.CSeq.Method == SipMethods.Info);
        Assert.Equal(reason, refusal.ReasonPhrase);
        Assert.Empty(received);
    }

    [Fact]
    public async Task OversizedDtmfBody_Gets400_AndNoKey()
    {
        var received = await ReceiveInfo("Signal=5\r\n" + new string(' ', 300), "application/dtmf-relay");

        Assert.Equal("Bad DTMF Body - Body Not A Key Press", Assert.Single(harness.Transport.Responses(400)).ReasonPhrase);
        Assert.Empty(received);
    }

    [Fact]
    public async Task OtherBodyType_Gets415WithAcceptNamingTheDtmfTypes()
    {
        var received = await ReceiveInfo("<xml/>", "application/media_control+xml");

        var refusal = Assert.Single(harness.Transport.Responses(415));
        Assert.Equal("application/dtmf-relay, application/dtmf", refusal.Get(HeaderNames.Accept));
        Assert.Empty(received);
    }

    [Fact]
    public async Task InfoPackage_Gets469WithAnEmptyRecvInfo()
    {
        var received = await ReceiveInfo("Signal=5\r\n", "application/dtmf-relay", "Info-Package: dtmf\r\n");

        var refusal = Assert.Single(harness.Transport.Responses(469));
        Assert.Equal(string.Empty, refusal.Get("Recv-Info"));
        Assert.Empty(received);
    }

    [Fact]
    public async Task InfoWithoutBody_Is200_AndReportsNothing()
    {
        var received = await ReceiveInfo(string.Empty, "application/dtmf-relay");

        Assert.Single(harness.Transport.Responses(200), r => r.CSeq.Method == SipMethods.Info);
        Assert.Empty(received);
    }

    [Fact]
    public async Task RetransmittedInfo_IsAnsweredAgain_ButReportsTheKeyOnce()
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        var received = new List<DtmfInfo>();
        await harness.OnLoop(() => call.DtmfReceived += (_, info) => received.Add(info));
        var info = DialogPeer.InDialog(SipMethods.Info, toTag, 11, "Signal=3\r\nDuration=100\r\n", contentType: "application/dtmf-relay");

        await harness.Receive(info);
        await harness.Receive(info);

        Assert.Equal(2, harness.Transport.Responses(200).Count(r => r.CSeq.Method == SipMethods.Info));
        Assert.Equal([new DtmfInfo('3', TimeSpan.FromMilliseconds(100))], received);
    }

    private async Task<List<DtmfInfo>> ReceiveInfo(string body, string contentType, string headers = "")
    {
        var (call, toTag) = await DialogPeer.ConnectedIncomingCall(harness);
        var received = new List<DtmfInfo>();
        await harness.OnLoop(() => call.DtmfReceived += (_, info) => received.Add(info));
        await harness.Receive(DialogPeer.InDialog(SipMethods.Info, toTag, 11, body, headers, contentType: contentType));
        return received;
    }
}
