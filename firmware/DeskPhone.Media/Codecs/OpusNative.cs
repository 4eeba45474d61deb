using System.Runtime.InteropServices;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// The few functions of the system's libopus (Debian package libopus0, <c>libopus.so.0</c>) the
/// phone calls, with the constants of its opus_defines.h (Opus API 1.3.1). The stubs are
/// generated at build time (<c>LibraryImport</c>): no marshalling code is made at run time, so
/// they work under Native AOT, and those called per frame allocate nothing. The library is
/// loaded on the first call; <see cref="TryLoad"/> tells beforehand, as a value, whether that
/// will work, and <see cref="OpusCodec"/> calls nothing here when it does not.
/// </summary>
internal static unsafe partial class OpusNative
{
    /// <summary>The runtime library's soname: the unversioned libopus.so comes only with libopus-dev.</summary>
    public const string Library = "libopus.so.0";

    /// <summary>No error; negative values are errors (OPUS_BAD_ARG -1 … OPUS_ALLOC_FAIL -7).</summary>
    public const int Ok = 0;

    public const int ApplicationVoip = 2048;
    public const int SignalVoice = 3001;

    // Encoder ctl requests: each SET takes an opus_int32, its GET (the next number) an opus_int32*.
    public const int SetBitrateRequest = 4002;
    public const int GetBitrateRequest = 4003;
    public const int SetComplexityRequest = 4010;
    public const int GetComplexityRequest = 4011;
    public const int SetInbandFecRequest = 4012;
    public const int GetInbandFecRequest = 4013;
    public const int SetPacketLossPercRequest = 4014;
    public const int GetPacketLossPercRequest = 4015;
    public const int SetSignalRequest = 4024;
    public const int GetSignalRequest = 4025;

    /// <summary>Every symbol bound below; a library without one of them is not used at all.</summary>
    private static readonly string[] Symbols =
    [
        "opus_get_version_string",
        "opus_encoder_create", "opus_encoder_destroy", "opus_encode", "opus_encoder_ctl",
        "opus_decoder_create", "opus_decoder_destroy", "opus_decode", "opus_packet_get_nb_samples",
    ];

    /// <summary>
    /// Loads the library the way the stubs below will and checks that it has every function
    /// they bind. Null when it does, otherwise why not, for the log.
    /// </summary>
    public static string? TryLoad()
    {
        if (!NativeLibrary.TryLoad(Library, typeof(OpusNative).Assembly, null, out nint library))
        {
            return $"{Library} was not found";
        }

        string? missing = Array.Find(Symbols, symbol => !NativeLibrary.TryGetExport(library, symbol, out _));
        return missing is null ? null : $"{Library} has no {missing}";
    }

    /// <summary>The library's version, e.g. "libopus 1.3.1"; only once <see cref="TryLoad"/> returned null.</summary>
    public static string Version() => Marshal.PtrToStringUTF8((nint)GetVersionString()) ?? "libopus";

    [LibraryImport(Library, EntryPoint = "opus_get_version_string")]
    private static partial byte* GetVersionString();

    [LibraryImport(Library, EntryPoint = "opus_encoder_create")]
    public static partial OpusEncoderHandle EncoderCreate(int sampleRate, int channels, int application, out int error);

    [LibraryImport(Library, EntryPoint = "opus_encoder_destroy")]
    public static partial void EncoderDestroy(nint encoder);

    /// <returns>The packet's length in octets, or a negative error.</returns>
    [LibraryImport(Library, EntryPoint = "opus_encode")]
    public static partial int Encode(OpusEncoderHandle encoder, short* pcm, int frameSize, byte* data, int maxDataBytes);

    // opus_encoder_ctl(OpusEncoder *st, int request, ...) is variadic, which .NET cannot call on
    // Unix (no __arglist there), so it is bound twice with fixed signatures: (request, int) for
    // the SETs, (request, int*) for the GETs. That passes the argument exactly where the C
    // callee's va_arg looks for it on the two ABIs the phone runs on:
    // - Linux x86-64 (System V AMD64 psABI §3.5.7, "Variable Argument Lists"): variadic
    //   arguments go in the same registers as named ones, here RDX after RDI and ESI, and
    //   va_arg(ap, opus_int32) reads them from the register save area the callee's prologue
    //   fills from those registers. The one difference of a variadic call is AL, an upper bound
    //   on the vector registers used, which the callee consults only to decide whether to spill
    //   XMM0-7 into that save area; opus reads no floating-point argument, so whatever AL holds
    //   it reads the right value (Debian's libopus 1.3.1 build does not even spill them).
    // - Linux AArch64 (AAPCS64): a variadic argument is passed exactly as a named one of its
    //   type, here in X2, and va_arg reads it back from the general-register save area.
    //   Apple's arm64 ABI puts variadic arguments on the stack instead: not for macOS.
    // OpusNativeTests reads every SET back by its GET on the machine the tests run on.

    /// <returns><see cref="Ok"/> or a negative error.</returns>
    [LibraryImport(Library, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderHandle encoder, int request, int value);

    /// <returns><see cref="Ok"/> or a negative error.</returns>
    [LibraryImport(Library, EntryPoint = "opus_encoder_ctl")]
    public static partial int EncoderCtl(OpusEncoderHandle encoder, int request, out int value);

    [LibraryImport(Library, EntryPoint = "opus_decoder_create")]
    public static partial OpusDecoderHandle DecoderCreate(int sampleRate, int channels, out int error);

    [LibraryImport(Library, EntryPoint = "opus_decoder_destroy")]
    public static partial void DecoderDestroy(nint decoder);

    /// <param name="data">The packet; null (with <paramref name="length"/> 0) for the decoder's loss concealment.</param>
    /// <param name="frameSize">Samples per channel that fit in <paramref name="pcm"/>; for concealment and FEC exactly the duration missing.</param>
    /// <param name="decodeFec">1 to decode the in-band FEC of <paramref name="data"/>, the packet after the lost one.</param>
    /// <returns>Samples decoded per channel, or a negative error.</returns>
    [LibraryImport(Library, EntryPoint = "opus_decode")]
    public static partial int Decode(OpusDecoderHandle decoder, byte* data, int length, short* pcm, int frameSize, int decodeFec);

    /// <returns>The samples per channel the packet holds at <paramref name="sampleRate"/>, or a negative error; reads only its table of contents.</returns>
    [LibraryImport(Library, EntryPoint = "opus_packet_get_nb_samples")]
    public static partial int PacketSamples(byte* packet, int length, int sampleRate);
}
