namespace DeskPhone.Sip.Tests.Agent;

/// <summary>OPTIONS outside a dialog is answered statelessly (RFC 3261 §8.2.7): nothing is kept for it.</summary>
public sealed class StatelessOptionsTests : IDisposable
{
    private const string Options =
        "OPTIONS sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKopt1\r\nFrom: <sip:102@x>;tag=f1\r\n" +
        "To: <sip:101@x>\r\nCall-ID: opt-1\r\nCSeq: 7 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Options_IsAnswered200WithAllowAndAccept_AndLeavesNoTransaction()
    {
        await harness.Receive(Options);

        var ok = Assert.Single(harness.Transport.Responses(200));
        Assert.Contains("INVITE", ok.Get("Allow"));
        Assert.Equal("application/sdp", ok.Get("Accept"));
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }

    [Fact]
    public async Task Retransmission_GetsTheSameAnswer_SameToTag()
    {
        await harness.Receive(Options);
        await harness.Receive(Options);

        var answers = harness.Transport.Responses(200).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal(answers[0].To.Tag, answers[1].To.Tag);
        Assert.NotNull(answers[0].To.Tag);
    }

    [Fact]
    public async Task ThousandOptions_KeepNothing()
    {
        for (var i = 0; i < 1000; i++)
        {
            await harness.Receive(Options.Replace("opt-1", $"opt-{i}").Replace("bKopt1", $"bKopt{i}"));
        }

        Assert.Equal(1000, harness.Transport.Responses(200).Count());
        Assert.Equal(0, await harness.OnLoop(() => harness.Agent.Transactions.Count));
    }
}
