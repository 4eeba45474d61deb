namespace DeskPhone.Media.Codecs;

/// <summary>
/// Opus (RFC 6716), mono, one 20 ms frame per packet, at the device's rate (8 or 16 kHz: Opus
/// codes narrowband or wideband there, so nothing is resampled), and the choice of its
/// implementation: the system's libopus (<c>libopus.so.0</c>, Debian package libopus0) when it
/// loads, as the audio thread then allocates nothing; otherwise Concentus, the managed port,
/// which allocates on every frame. Both get the same settings. The host asks
/// <see cref="NativeAvailable"/> at start and warns once when it is false, since the media
/// layer never logs from the audio thread.
/// </summary>
public static class OpusCodec
{
    /// <summary>
    /// Enough for clear wideband speech with room for in-band FEC (RFC 7587 §3.1.1 suggests
    /// 28-40 kbit/s for fullband; wideband speech needs less).
    /// </summary>
    internal const int Bitrate = 32000;

    /// <summary>The loss rate the encoder plans its FEC for; in-band FEC is used only above 0.</summary>
    internal const int ExpectedLossPercent = 5;

    /// <summary>Out of 10: the encoder's search effort, at a cost a Raspberry Pi affords.</summary>
    internal const int Complexity = 5;

    /// <summary>Null when libopus loaded with every function we call, otherwise why not. Checked once, on first use.</summary>
    private static readonly string? LoadError = OpusNative.TryLoad();

    /// <summary>Whether Opus runs on the system's libopus; when false it runs on Concentus, and the audio thread allocates during Opus calls.</summary>
    public static bool NativeAvailable => LoadError is null;

    /// <summary>Why libopus is not used ("libopus.so.0 was not found"); null when it is.</summary>
    public static string? NativeLoadError => LoadError;

    /// <summary>The loaded libopus's own version string ("libopus 1.3.1"); null when it did not load.</summary>
    public static string? NativeVersion => NativeAvailable ? OpusNative.Version() : null;

    /// <summary>The implementation new streams use: native when it loaded.</summary>
    internal static OpusLibrary DefaultLibrary => NativeAvailable ? OpusLibrary.Native : OpusLibrary.Managed;

    /// <summary>A VoIP encoder with in-band FEC (RFC 6716 §2.1.7) for voice, at <see cref="Bitrate"/> and <see cref="Complexity"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="OpusLibrary.Native"/> asked for when it did not load.</exception>
    internal static OpusFrameEncoder CreateEncoder(int sampleRate, OpusLibrary library)
    {
        if (library == OpusLibrary.Managed)
        {
            return new OpusManagedEncoder(sampleRate);
        }

        RequireNative();
        return new OpusNativeEncoder(sampleRate);
    }

    /// <summary>A mono decoder at <paramref name="sampleRate"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="OpusLibrary.Native"/> asked for when it did not load.</exception>
    internal static OpusFrameDecoder CreateDecoder(int sampleRate, OpusLibrary library)
    {
        if (library == OpusLibrary.Managed)
        {
            return new OpusManagedDecoder(sampleRate);
        }

        RequireNative();
        return new OpusNativeDecoder(sampleRate);
    }

    private static void RequireNative()
    {
        if (LoadError is not null)
        {
            throw new InvalidOperationException($"native Opus asked for, but {LoadError}: install libopus0");
        }
    }
}
