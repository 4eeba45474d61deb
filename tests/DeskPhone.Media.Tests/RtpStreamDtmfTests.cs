using System.Collections.Concurrent;
using System.Net;
using DeskPhone.Media.Dtmf;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>RFC 4733 DTMF through <see cref="RtpStream"/>, checked on the bytes on the wire.</summary>
public sealed class RtpStreamDtmfTests
{
    private static readonly short[] Quiet = new short[Signal.FrameSamples];

    private static MediaNegotiation Towards(IPEndPoint remote, byte? telephoneEvent = StreamPair.TelephoneEvent, MediaDirection direction = MediaDirection.SendRecv) =>
        new(remote, AudioCodec.Pcmu, 0, telephoneEvent, direction);

    private static List<(RtpHeader Header, byte[] Payload)> SendAndCapture(RtpStream stream, RawRtpPeer peer, int periods)
    {
        for (int i = 0; i < periods; i++)
        {
            stream.SendCaptureFrame(Quiet);
        }

        return [.. Enumerable.Range(0, periods).Select(_ => peer.Receive())];
    }

    [Fact]
    public void SendDigit_SendsTheEventPacketsOfRfc4733BetweenAudioPackets()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(Towards(peer.EndPoint));
        stream.SendCaptureFrame(Quiet);
        RtpHeader before = peer.Receive().Header;

        Assert.True(stream.SendDigit('5'));

        // Defaults: 120 ms of tone (6 packets), then 80 ms of gap whose first two packets repeat the end.
        var packets = SendAndCapture(stream, peer, 11);
        var events = packets[..8];
        Assert.All(events, packet => Assert.Equal(StreamPair.TelephoneEvent, packet.Header.PayloadType));
        Assert.Equal([true, false, false, false, false, false, false, false], events.Select(packet => packet.Header.Marker));
        Assert.All(events, packet => Assert.Equal(before.Timestamp + 160, packet.Header.Timestamp));
        Assert.All(events, packet => Assert.Equal(before.Ssrc, packet.Header.Ssrc));
        Assert.Equal(
            Enumerable.Range(1, 11).Select(i => (ushort)(before.SequenceNumber + i)),
            packets.Select(packet => packet.Header.SequenceNumber));

        // Event 5, E on the last tone packet and its two repeats, volume 10, duration growing by 160.
        byte[][] expectedPayloads =
        [
            [5, 0x0A, 0x00, 0xA0], [5, 0x0A, 0x01, 0x40], [5, 0x0A, 0x01, 0xE0],
            [5, 0x0A, 0x02, 0x80], [5, 0x0A, 0x03, 0x20], [5, 0x8A, 0x03, 0xC0],
            [5, 0x8A, 0x03, 0xC0], [5, 0x8A, 0x03, 0xC0],
        ];
        Assert.Equal(expectedPayloads, events.Select(packet => packet.Payload));

        // Audio resumes in the rest of the gap as a new talkspurt, its timestamp having run on.
        var audio = packets[8..];
        Assert.All(audio, packet => Assert.Equal(0, packet.Header.PayloadType));
        Assert.Equal([true, false, false], audio.Select(packet => packet.Header.Marker));
        Assert.Equal(before.Timestamp + (9 * 160), audio[0].Header.Timestamp);
        Assert.Equal(12, stream.PacketsSent);
    }

    [Fact]
    public void SendDigit_WithConfiguredLengths_UsesThem()
    {
        using var peer = new RawRtpPeer();
        var options = StreamPair.Loopback with { DtmfDigitDuration = TimeSpan.FromMilliseconds(50), DtmfGap = TimeSpan.FromMilliseconds(100) };
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System, options);
        stream.Start(Towards(peer.EndPoint));
        stream.SendDigit('1');
        stream.SendDigit('2');

        var packets = SendAndCapture(stream, peer, 9);

        // 50 ms rounds up to 3 packets; the gap of 5 packets holds the 2 end repeats and 3 of audio.
        Assert.Equal([101, 101, 101, 101, 101, 0, 0, 0, 101], packets.Select(packet => (int)packet.Header.PayloadType));
        Assert.Equal([1, 1, 1, 1, 1], packets[..5].Select(packet => (int)packet.Payload[0]));
        Assert.Equal(2, packets[8].Payload[0]);
        Assert.True(packets[8].Header.Marker);
    }

    [Fact]
    public void SendDigit_WhenThePeerHasNoTelephoneEvent_SendsTheQ23ToneInBand()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(Towards(peer.EndPoint, telephoneEvent: null));

        stream.SendDigit('9');
        var packets = SendAndCapture(stream, peer, 6);

        Assert.All(packets, packet => Assert.Equal(0, packet.Header.PayloadType));
        short[] decoded = [.. packets.SelectMany(packet => packet.Payload.Select(Codecs.G711MuLaw.Decode))];

        // Digit 9 is 852 + 1477 Hz; nothing of the other rows and columns.
        Assert.True(Signal.Amplitude(decoded, 852) > 8000);
        Assert.True(Signal.Amplitude(decoded, 1477) > 10000);
        Assert.True(Signal.Amplitude(decoded, 941) < 500);
        Assert.True(Signal.Amplitude(decoded, 1336) < 500);
    }

    [Fact]
    public void SendDigit_WhenNotStartedOrNotSending_ReturnsFalse()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        Assert.False(stream.SendDigit('1'));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.SendDigit('x'));

        stream.Start(Towards(peer.EndPoint, direction: MediaDirection.RecvOnly));
        Assert.False(stream.SendDigit('1'));

        stream.Start(Towards(peer.EndPoint));
        Assert.True(stream.SendDigit('1'));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.SendDigit('x'));
    }

    [Fact]
    public void DigitsWaitingWhenSendingStops_AreDropped()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(Towards(peer.EndPoint));
        stream.SendDigit('1');
        stream.SendDigit('2');
        SendAndCapture(stream, peer, 2);

        stream.Start(Towards(peer.EndPoint, direction: MediaDirection.RecvOnly));
        stream.SendCaptureFrame(Quiet);
        stream.Start(Towards(peer.EndPoint));
        var packets = SendAndCapture(stream, peer, 3);

        Assert.All(packets, packet => Assert.Equal(0, packet.Header.PayloadType));
    }

    [Fact]
    public void ReceivedEvents_ReportEachDigitOnceOnTheReceiveThread()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(Towards(peer.EndPoint));
        var digits = new ConcurrentQueue<(char Digit, string? Thread)>();
        stream.DigitReceived += digit => digits.Enqueue((digit, Thread.CurrentThread.Name));

        ushort sequence = 100;
        void SendEvent(uint timestamp, byte code, bool end, ushort duration, bool marker = false) =>
            peer.SendTo(stream, RawRtpPeer.Packet(
                new RtpHeader(marker, StreamPair.TelephoneEvent, sequence++, timestamp, 0x5EED),
                [code, (byte)((end ? 0x80 : 0) | 10), (byte)(duration >> 8), (byte)duration]));

        SendEvent(8000, 10, false, 160, marker: true);
        SendEvent(8000, 10, false, 320);
        SendEvent(8000, 10, true, 480);
        SendEvent(8000, 10, true, 480);
        SendEvent(8000, 10, true, 480);
        SendEvent(9600, 2, true, 480);
        SendEvent(9600, 2, true, 480);

        Assert.True(SpinWait.SpinUntil(() => digits.Count >= 2, TimeSpan.FromSeconds(5)));

        // A later audio packet proves the receive thread has judged every event before it.
        peer.SendTo(stream, RawRtpPeer.Packet(new RtpHeader(false, 0, sequence, 11200, 0x5EED), new byte[160]));
        StreamPair.WaitForReceived(stream, 1);
        Assert.Equal([('*', "RTP receive"), ('2', "RTP receive")], digits);
    }

    [Fact]
    public void ReceivedEvents_OnAnUnnegotiatedPayloadType_AreNotDigits()
    {
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(TimeProvider.System);
        stream.Start(Towards(peer.EndPoint, telephoneEvent: null));
        int digits = 0;
        stream.DigitReceived += _ => Interlocked.Increment(ref digits);

        peer.SendTo(stream, RawRtpPeer.Packet(new RtpHeader(true, StreamPair.TelephoneEvent, 1, 8000, 0x5EED), [1, 0x8A, 0x03, 0xC0]));
        peer.SendTo(stream, RawRtpPeer.Packet(new RtpHeader(false, 0, 2, 8160, 0x5EED), new byte[160]));
        StreamPair.WaitForReceived(stream, 1);

        Assert.Equal(0, digits);
    }

    [Fact]
    public void TwoStreams_DigitsSentByOne_AreReceivedOnceEachByTheOther()
    {
        using StreamPair pair = StreamPair.Open(events: true);
        var received = new ConcurrentQueue<char>();
        pair.B.DigitReceived += received.Enqueue;
        foreach (char digit in "*2#0")
        {
            Assert.True(pair.A.SendDigit(digit));
        }

        // Four digits of 200 ms each, sent in real 20 ms periods by "the audio thread".
        for (int i = 0; i < 40; i++)
        {
            pair.A.SendCaptureFrame(Quiet);
        }

        Assert.True(SpinWait.SpinUntil(() => received.Count >= 4, TimeSpan.FromSeconds(5)), $"{received.Count} digits");
        pair.A.SendCaptureFrame(Quiet);
        StreamPair.WaitForReceived(pair.B, 1);
        Assert.Equal("*2#0", string.Concat(received));
    }
}
