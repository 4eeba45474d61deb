using DeskPhone.Interop.Tests.Audio;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>Two real baresip processes calling each other directly on loopback, no registrar.</summary>
public sealed class BaresipPeerTests
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(5);

    // Audio is real-time: a call must really last this long for the recordings to hold
    // several 0.25 s analysis windows of tone after the jitter buffer has filled.
    private static readonly TimeSpan TalkTime = TimeSpan.FromSeconds(2.5);

    [Fact]
    public async Task DirectCall_WithAutoAnswer_EachPeerRecordsTheOthersTone()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ct = deadline.Token;
        await using var a = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "a", AudioSource = new BaresipAudioSource.Sine(1000) }, ct);
        await using var b = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "b", AutoAnswer = true, AudioSource = new BaresipAudioSource.Sine(440) }, ct);

        await a.DialAsync(b.Uri, ct);
        var established = await a.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
        await b.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
        await Task.Delay(TalkTime, ct);
        await a.HangupAsync(ct);
        await a.WaitForEventAsync("CALL_CLOSED", EventTimeout, ct);
        await b.WaitForEventAsync("CALL_CLOSED", EventTimeout, ct);

        Assert.Equal(b.Uri, established.PeerUri);
        var atB = b.ReadReceivedAudio();
        var atA = a.ReadReceivedAudio();
        Assert.Equal(8000, atB.SampleRate);
        Assert.True(atB.DurationSeconds > 1.5, $"B recorded only {atB.DurationSeconds:0.00} s");
        Assert.True(atA.DurationSeconds > 1.5, $"A recorded only {atA.DurationSeconds:0.00} s");
        Assert.True(ToneAnalysis.ContainsTone(atB.Samples, atB.SampleRate, 1000, 10), Measured("B", atB));
        Assert.False(ToneAnalysis.ContainsTone(atB.Samples, atB.SampleRate, 440, 10), Measured("B", atB));
        Assert.True(ToneAnalysis.ContainsTone(atA.Samples, atA.SampleRate, 440, 10), Measured("A", atA));
        Assert.False(ToneAnalysis.ContainsTone(atA.Samples, atA.SampleRate, 1000, 10), Measured("A", atA));
        var sentByA = WavFile.Read(Assert.Single(a.SentAudioFiles));
        Assert.True(ToneAnalysis.ContainsTone(sentByA.Samples, sentByA.SampleRate, 1000, 10), Measured("A sent", sentByA));
    }

    [Fact]
    public async Task DirectCall_WithManualAnswer_RingsUntilAcceptedAndCalleeCanHangUp()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ct = deadline.Token;
        await using var a = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "a", RecordAudio = false }, ct);
        await using var b = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "b", RecordAudio = false }, ct);

        await a.DialAsync(b.Uri, ct);
        var incoming = await b.WaitForEventAsync("CALL_INCOMING", EventTimeout, ct);
        await a.WaitForEventAsync("CALL_RINGING", EventTimeout, ct);
        Assert.DoesNotContain(a.Events, e => e.Type == "CALL_ESTABLISHED");
        await b.AcceptAsync(ct);
        await a.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
        await b.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
        await b.HangupAsync(ct);
        var closed = await a.WaitForEventAsync("CALL_CLOSED", EventTimeout, ct);

        Assert.Equal("incoming", incoming.Direction);
        Assert.StartsWith("sip:a@127.0.0.1", incoming.PeerUri);
        Assert.Equal("outgoing", closed.Direction);
        Assert.Empty(a.ReceivedAudioFiles);
    }

    [Fact]
    public async Task DirectCall_WithWavFileSource_CalleeRecordsTheFilesTone()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ct = deadline.Token;
        var wav = Path.Combine(Path.GetTempPath(), $"baresip-peer-source-{Guid.NewGuid():N}.wav");
        WavFile.Write(wav, TestSignals.Sine(2000, 8000, 3.0, amplitude: 0.3), 8000);
        try
        {
            await using var a = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "a", AudioSource = new BaresipAudioSource.WavFile(wav) }, ct);
            await using var b = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "b", AutoAnswer = true, AudioSource = new BaresipAudioSource.Sine(440) }, ct);

            await a.DialAsync(b.Uri, ct);
            await b.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, ct);
            await Task.Delay(TalkTime, ct);
            await a.HangupAsync(ct);
            await b.WaitForEventAsync("CALL_CLOSED", EventTimeout, ct);

            var atB = b.ReadReceivedAudio();
            Assert.True(ToneAnalysis.ContainsTone(atB.Samples, atB.SampleRate, 2000, 10), Measured("B", atB));
        }
        finally
        {
            File.Delete(wav);
        }
    }

    [Fact]
    public async Task DirectCall_WhenWavFileSourceEnds_CallerHangsUp()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ct = deadline.Token;
        var wav = Path.Combine(Path.GetTempPath(), $"baresip-peer-source-{Guid.NewGuid():N}.wav");
        WavFile.Write(wav, TestSignals.Sine(2000, 8000, 0.4, amplitude: 0.3), 8000);
        try
        {
            await using var a = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "a", RecordAudio = false, AudioSource = new BaresipAudioSource.WavFile(wav) }, ct);
            await using var b = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "b", AutoAnswer = true, RecordAudio = false }, ct);

            await a.DialAsync(b.Uri, ct);
            var closed = await a.WaitForEventAsync("CALL_CLOSED", EventTimeout, ct);
            await b.WaitForEventAsync("CALL_CLOSED", EventTimeout, ct);

            Assert.Equal("end of file", closed.Param);
            Assert.Contains(a.Events, e => e.Type == "CALL_ESTABLISHED");
        }
        finally
        {
            File.Delete(wav);
        }
    }

    [Fact]
    public async Task SendMessage_ToAnotherPeer_IsReceivedAndAnswered200()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ct = deadline.Token;
        await using var b = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "b", RecordAudio = false }, ct);
        var elsewhere = "sip:nobody@127.0.0.1:9";
        await using var a = await BaresipPeer.StartAsync(
            new BaresipPeerOptions { User = "a", RecordAudio = false, MessageContacts = [elsewhere, b.Uri] },
            ct);

        await a.SendMessageAsync(b.Uri, "hello from a", ct);

        // With SIP trace on, each peer logs the messages it receives.
        await b.WaitForLogAsync("hello from a", EventTimeout, ct);
        await a.WaitForLogAsync("SIP/2.0 200 OK", EventTimeout, ct);
        Assert.Contains("MESSAGE " + b.Uri, b.Log);
    }

    [Fact]
    public async Task StartAsync_WhenExecutableIsMissing_FailsWithMakeDepsHint()
    {
        var options = new BaresipPeerOptions { Executable = "/nonexistent/baresip" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BaresipPeer.StartAsync(options, CancellationToken.None));

        Assert.Contains("run make deps", error.Message);
    }

    [Fact]
    public async Task StartAsync_WhenSipPortIsTaken_FailsWithTheLog()
    {
        await using var first = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "first", RecordAudio = false }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => BaresipPeer.StartAsync(new BaresipPeerOptions { User = "second", SipPort = first.SipPort }, CancellationToken.None));

        Assert.Contains("exited during start-up", error.Message);
        Assert.Contains("Address already in use", error.Message);
    }

    [Fact]
    public async Task DisposeAsync_AfterStart_ClosesItsPortsAndDeletesItsDirectory()
    {
        var peer = await BaresipPeer.StartAsync(new BaresipPeerOptions { User = "c" }, CancellationToken.None);
        var ports = new[] { peer.SipPort, peer.TlsPort, peer.ControlPort };
        foreach (var port in ports)
        {
            Assert.True(await AcceptsTcpAsync(port), $"nothing listens on TCP {port}");
        }

        await peer.DisposeAsync();

        Assert.False(Directory.Exists(peer.ConfigDirectory));
        foreach (var port in ports)
        {
            Assert.False(await AcceptsTcpAsync(port), $"TCP {port} still open");
        }
    }

    private static async Task<bool> AcceptsTcpAsync(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static string Measured(string who, WavAudio audio)
    {
        var m = ToneAnalysis.MeasureLoudestWindow(audio.Samples, audio.SampleRate);
        return $"{who} received {audio.DurationSeconds:0.00} s; loudest window {m.FrequencyHz:0.0} Hz at {m.LevelDbfs:0.0} dBFS, purity {m.Purity:0.00}";
    }
}
