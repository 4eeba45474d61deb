using System.Net;
using DeskPhone.Hal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Media.Tests;

/// <summary>Two RTP streams on 127.0.0.1 started towards each other.</summary>
internal sealed class StreamPair : IDisposable
{
    public static readonly AudioFormat Format = new(8000, 160);

    public static readonly AudioFormat Wideband = new(16000, 320);

    /// <summary>The telephone-event payload type the pairs negotiate when asked to.</summary>
    public const byte TelephoneEvent = 101;

    public static readonly RtpStreamOptions Loopback = new()
    {
        LocalAddress = IPAddress.Loopback,
        FirstPort = 30000,
        LastPort = 39999,
    };

    private StreamPair(RtpStream a, RtpStream b)
    {
        A = a;
        B = b;
    }

    public FakeTimeProvider Time { get; } = new();

    public RtpStream A { get; }

    public RtpStream B { get; }

    public static RtpStream OpenStream(TimeProvider time, RtpStreamOptions? options = null, AudioFormat? format = null)
    {
        Assert.True(RtpStream.TryOpen(options ?? Loopback, format ?? Format, time, NullLogger.Instance, out RtpStream? stream));
        return stream;
    }

    public static byte PayloadTypeOf(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => 0,
        AudioCodec.Pcma => 8,
        AudioCodec.G722 => 9,
        AudioCodec.Opus => 111,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    /// <param name="codec">The codec both streams use.</param>
    /// <param name="format">Both streams' audio device format; 8 kHz by default.</param>
    /// <param name="events">Whether the negotiation includes telephone-event (<see cref="TelephoneEvent"/>).</param>
    /// <param name="options">Both streams' options; <see cref="Loopback"/> by default.</param>
    public static StreamPair Open(AudioCodec codec = AudioCodec.Pcmu, AudioFormat? format = null, bool events = false, RtpStreamOptions? options = null)
    {
        var time = new FakeTimeProvider();
        RtpStream a = OpenStream(time, options, format);
        RtpStream b = OpenStream(time, options, format);
        byte payloadType = PayloadTypeOf(codec);
        byte? telephoneEvent = events ? TelephoneEvent : null;
        a.Start(new MediaNegotiation(new IPEndPoint(IPAddress.Loopback, b.LocalPort), codec, payloadType, telephoneEvent, MediaDirection.SendRecv));
        b.Start(new MediaNegotiation(new IPEndPoint(IPAddress.Loopback, a.LocalPort), codec, payloadType, telephoneEvent, MediaDirection.SendRecv));
        return new StreamPair(a, b);
    }

    /// <summary>Waits, bounded, for the receive thread to count <paramref name="packets"/> packets.</summary>
    public static void WaitForReceived(RtpStream stream, long packets)
    {
        Assert.True(
            SpinWait.SpinUntil(() => stream.PacketsReceived >= packets, TimeSpan.FromSeconds(5)),
            $"received {stream.PacketsReceived} of {packets} packets");
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
