using System.Net;
using DeskPhone.Hal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Media.Tests;

/// <summary>Two RTP streams on 127.0.0.1 started towards each other.</summary>
internal sealed class StreamPair : IDisposable
{
    public static readonly AudioFormat Format = new(8000, 160);

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

    public static RtpStream OpenStream(TimeProvider time, RtpStreamOptions? options = null)
    {
        Assert.True(RtpStream.TryOpen(options ?? Loopback, Format, time, NullLogger.Instance, out RtpStream? stream));
        return stream;
    }

    public static StreamPair Open(AudioCodec codec = AudioCodec.Pcmu)
    {
        var time = new FakeTimeProvider();
        RtpStream a = OpenStream(time);
        RtpStream b = OpenStream(time);
        byte payloadType = codec == AudioCodec.Pcmu ? (byte)0 : (byte)8;
        a.Start(new MediaNegotiation(new IPEndPoint(IPAddress.Loopback, b.LocalPort), codec, payloadType, null, MediaDirection.SendRecv));
        b.Start(new MediaNegotiation(new IPEndPoint(IPAddress.Loopback, a.LocalPort), codec, payloadType, null, MediaDirection.SendRecv));
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
