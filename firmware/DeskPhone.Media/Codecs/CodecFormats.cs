namespace DeskPhone.Media.Codecs;

/// <summary>Per-codec facts the stream needs: sampling rate, RTP clock and 20 ms payload size.</summary>
internal static class CodecFormats
{
    /// <summary>Milliseconds of audio per packet, matching the a=ptime:20 the phone advertises.</summary>
    public const int PacketMilliseconds = 20;

    /// <summary>Octets the Opus encoder may use for one 20 ms frame; at 32 kbit/s it needs about 80.</summary>
    public const int MaxOpusPayloadBytes = 400;

    /// <summary>RTP clock rate: 8000 for G.711 and G.722 (RFC 3551 table 4), 48000 for Opus whatever it codes at (RFC 7587 §4.1).</summary>
    public static int RtpClockRate(this AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu or AudioCodec.Pcma or AudioCodec.G722 => 8000,
        AudioCodec.Opus => 48000,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    /// <summary>RTP timestamp units per 20 ms packet.</summary>
    public static uint TimestampStep(this AudioCodec codec) => (uint)(codec.RtpClockRate() * PacketMilliseconds / 1000);

    /// <summary>The rate the codec samples audio at; Opus runs at the device's rate, so it needs no resampling.</summary>
    public static int SampleRate(this AudioCodec codec, int deviceRate) => codec switch
    {
        AudioCodec.Pcmu or AudioCodec.Pcma => 8000,
        AudioCodec.G722 => 16000,
        AudioCodec.Opus => deviceRate,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    /// <summary>
    /// Payload octets of one 20 ms packet: 8 bits per sample for G.711, 4 bits per sample for
    /// G.722 — 160 either way; null for Opus, whose packets vary.
    /// </summary>
    public static int? PayloadBytes(this AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu or AudioCodec.Pcma or AudioCodec.G722 => 160,
        AudioCodec.Opus => null,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };
}
