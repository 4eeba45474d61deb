using Concentus.Enums;
using Concentus.Structs;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus (RFC 6716) through Concentus's managed port, mono, one 20 ms frame per packet, at the
/// device's rate (8 or 16 kHz: Opus codes narrowband or wideband there, so nothing is resampled).
/// The Concentus classes are used directly rather than through its factory, which would pick
/// a native libopus when one is installed: the phone must behave the same on every machine.
/// </summary>
internal static class OpusCodec
{
    /// <summary>
    /// Enough for clear wideband speech with room for in-band FEC (RFC 7587 §3.1.1 suggests
    /// 28-40 kbit/s for fullband; wideband speech needs less).
    /// </summary>
    public const int Bitrate = 32000;

    /// <summary>The loss rate the encoder plans its FEC for; in-band FEC is used only above 0.</summary>
    public const int ExpectedLossPercent = 5;

    /// <summary>A VoIP encoder with in-band FEC (RFC 6716 §2.1.7) and a complexity a Raspberry Pi affords.</summary>
    public static OpusEncoder CreateEncoder(int sampleRate)
    {
        // Obsolete only to steer callers towards the factory, which we avoid on purpose (above).
#pragma warning disable CS0618
        var encoder = new OpusEncoder(sampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP)
        {
            Bitrate = Bitrate,
            UseInbandFEC = true,
            PacketLossPercent = ExpectedLossPercent,
            SignalType = OpusSignal.OPUS_SIGNAL_VOICE,
            Complexity = 5,
        };
#pragma warning restore CS0618
        return encoder;
    }

#pragma warning disable CS0618 // As for the encoder.
    public static OpusDecoder CreateDecoder(int sampleRate) => new(sampleRate, 1);
#pragma warning restore CS0618
}
