namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus encoding by the system's libopus (<see cref="OpusNative"/>). The encoder state lives in
/// native memory and the frame and packet are pinned for the call only, so a frame allocates
/// nothing managed.
/// </summary>
internal sealed unsafe class OpusNativeEncoder : OpusFrameEncoder
{
    private readonly OpusEncoderHandle _encoder;

    /// <summary>A VoIP encoder with the settings of <see cref="OpusCodec"/>. Only when <see cref="OpusCodec.NativeAvailable"/>.</summary>
    public OpusNativeEncoder(int sampleRate)
    {
        _encoder = OpusNative.EncoderCreate(sampleRate, 1, OpusNative.ApplicationVoip, out int error);
        if (error != OpusNative.Ok || _encoder.IsInvalid)
        {
            _encoder.Dispose();
            throw new InvalidOperationException($"opus_encoder_create at {sampleRate} Hz failed with {error}");
        }

        Set(OpusNative.SetBitrateRequest, OpusCodec.Bitrate);
        Set(OpusNative.SetInbandFecRequest, 1);
        Set(OpusNative.SetPacketLossPercRequest, OpusCodec.ExpectedLossPercent);
        Set(OpusNative.SetSignalRequest, OpusNative.SignalVoice);
        Set(OpusNative.SetComplexityRequest, OpusCodec.Complexity);
    }

    public override OpusLibrary Library => OpusLibrary.Native;

    /// <summary>Reads one of the encoder's settings back (a GET request of <see cref="OpusNative"/>), for the tests and the self-test.</summary>
    public int Get(int request)
    {
        int status = OpusNative.EncoderCtl(_encoder, request, out int value);
        return status == OpusNative.Ok ? value : throw new InvalidOperationException($"opus_encoder_ctl({request}) failed with {status}");
    }

    public override int Encode(ReadOnlySpan<short> frame, Span<byte> packet)
    {
        int length;
        fixed (short* pcm = frame)
        fixed (byte* data = packet)
        {
            length = OpusNative.Encode(_encoder, pcm, frame.Length, data, packet.Length);
        }

        if (length < 0)
        {
            ThrowEncodeFailed(length, frame.Length);
        }

        return length;
    }

    private static void ThrowEncodeFailed(int error, int samples) =>
        throw new InvalidOperationException($"opus_encode of {samples} samples failed with {error}");

    private void Set(int request, int value)
    {
        int status = OpusNative.EncoderCtl(_encoder, request, value);
        if (status != OpusNative.Ok)
        {
            _encoder.Dispose();
            throw new InvalidOperationException($"opus_encoder_ctl({request}, {value}) failed with {status}");
        }
    }
}
