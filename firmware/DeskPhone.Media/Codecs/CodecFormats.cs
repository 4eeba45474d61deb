namespace DeskPhone.Media.Codecs;

/// <summary>Per-codec facts the stream needs: sampling rate, RTP clock and 20 ms payload size.</summary>
internal static class CodecFormats
{
    /// <summary>Milliseconds of audio per packet, matching the a=ptime:20 the phone advertises.</summary>
    public const int PacketMilliseconds = 20;

    /// <summary>RTP clock rate of every codec the phone has (RFC 3551 table 4: 8000, G.722 included).</summary>
    public const int RtpClockRate = 8000;

    /// <summary>RTP timestamp units per 20 ms packet.</summary>
    public const int TimestampStep = RtpClockRate * PacketMilliseconds / 1000;

    /// <summary>The rate the codec samples audio at.</summary>
    public static int SampleRate(this AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu or AudioCodec.Pcma => 8000,
        AudioCodec.G722 => 16000,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    /// <summary>Payload octets of one 20 ms packet: 8 bits per sample for G.711, 4 bits per sample for G.722 — 160 either way.</summary>
    public static int PayloadBytes(this AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu or AudioCodec.Pcma => codec.SampleRate() * PacketMilliseconds / 1000,
        AudioCodec.G722 => codec.SampleRate() * PacketMilliseconds / 1000 / 2,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };
}
