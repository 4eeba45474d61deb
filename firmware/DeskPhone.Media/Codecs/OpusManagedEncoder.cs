using Concentus.Enums;
using Concentus.Structs;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus encoding by Concentus, the managed port of libopus: the fallback when the system has no
/// libopus. It allocates on every frame (about 55 KB per 20 ms at 16 kHz), which the audio
/// thread otherwise never does. Its classes are used directly rather than through Concentus's
/// factory, which looks for a native library under another name and copies files into the
/// current directory.
/// </summary>
internal sealed class OpusManagedEncoder : OpusFrameEncoder
{
    private readonly OpusEncoder _encoder;

    public OpusManagedEncoder(int sampleRate)
    {
        // Obsolete only to steer callers towards the factory, which we avoid on purpose (above).
#pragma warning disable CS0618
        _encoder = new OpusEncoder(sampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP)
        {
            Bitrate = OpusCodec.Bitrate,
            UseInbandFEC = true,
            PacketLossPercent = OpusCodec.ExpectedLossPercent,
            SignalType = OpusSignal.OPUS_SIGNAL_VOICE,
            Complexity = OpusCodec.Complexity,
        };
#pragma warning restore CS0618
    }

    public override OpusLibrary Library => OpusLibrary.Managed;

    public override int Encode(ReadOnlySpan<short> frame, Span<byte> packet) =>
        _encoder.Encode(frame, frame.Length, packet, packet.Length);
}
