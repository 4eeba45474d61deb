using System.Runtime.InteropServices;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The few functions of alsa-lib's PCM API (alsa-project.org, "PCM Interface") the phone needs,
/// bound to the runtime library libasound.so.2 — the package libasound2, never the -dev one.
/// Sizes are snd_pcm_uframes_t/snd_pcm_sframes_t, C's unsigned/signed long: nuint/nint on both
/// 32- and 64-bit Linux. Negative results are −errno.
/// </summary>
internal static unsafe partial class AlsaNative
{
    public const int StreamPlayback = 0;
    public const int StreamCapture = 1;

    /// <summary>SND_PCM_ACCESS_RW_INTERLEAVED: snd_pcm_writei/readi on interleaved frames.</summary>
    public const int AccessReadWriteInterleaved = 3;

    /// <summary>SND_PCM_FORMAT_S16_LE.</summary>
    public const int FormatS16LittleEndian = 2;

    /// <summary>Linux errno values the audio loop tells apart.</summary>
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EPIPE = 32;
    public const int ESTRPIPE = 86;

    private const string Library = "libasound.so.2";

    [LibraryImport(Library, EntryPoint = "snd_pcm_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PcmOpen(out nint pcm, string name, int stream, int mode);

    [LibraryImport(Library, EntryPoint = "snd_pcm_close")]
    public static partial int PcmClose(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_malloc")]
    public static partial int HwParamsMalloc(out nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_free")]
    public static partial void HwParamsFree(nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_any")]
    public static partial int HwParamsAny(nint pcm, nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_access")]
    public static partial int HwParamsSetAccess(nint pcm, nint parameters, int access);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_format")]
    public static partial int HwParamsSetFormat(nint pcm, nint parameters, int format);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_channels")]
    public static partial int HwParamsSetChannels(nint pcm, nint parameters, uint channels);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_rate_near")]
    public static partial int HwParamsSetRateNear(nint pcm, nint parameters, ref uint rate, ref int direction);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_period_size_near")]
    public static partial int HwParamsSetPeriodSizeNear(nint pcm, nint parameters, ref nuint frames, ref int direction);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_set_buffer_size_near")]
    public static partial int HwParamsSetBufferSizeNear(nint pcm, nint parameters, ref nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params")]
    public static partial int HwParamsApply(nint pcm, nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_get_period_size")]
    public static partial int HwParamsGetPeriodSize(nint parameters, out nuint frames, out int direction);

    [LibraryImport(Library, EntryPoint = "snd_pcm_hw_params_get_buffer_size")]
    public static partial int HwParamsGetBufferSize(nint parameters, out nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_sw_params_malloc")]
    public static partial int SwParamsMalloc(out nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_sw_params_free")]
    public static partial void SwParamsFree(nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_sw_params_current")]
    public static partial int SwParamsCurrent(nint pcm, nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_sw_params_set_start_threshold")]
    public static partial int SwParamsSetStartThreshold(nint pcm, nint parameters, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_sw_params_set_avail_min")]
    public static partial int SwParamsSetAvailMin(nint pcm, nint parameters, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_sw_params")]
    public static partial int SwParamsApply(nint pcm, nint parameters);

    [LibraryImport(Library, EntryPoint = "snd_pcm_prepare")]
    public static partial int Prepare(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_pcm_start")]
    public static partial int Start(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_pcm_drop")]
    public static partial int Drop(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_pcm_writei")]
    public static partial nint WriteInterleaved(nint pcm, void* buffer, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_readi")]
    public static partial nint ReadInterleaved(nint pcm, void* buffer, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_recover")]
    public static partial int Recover(nint pcm, int error, int silent);

    [LibraryImport(Library, EntryPoint = "snd_pcm_avail_delay")]
    public static partial int AvailDelay(nint pcm, out nint available, out nint delay);

    [LibraryImport(Library, EntryPoint = "snd_strerror")]
    private static partial nint StrError(int error);

    /// <summary>alsa-lib's text for a negative error code.</summary>
    public static string ErrorText(long error) => Marshal.PtrToStringUTF8(StrError((int)error)) ?? $"error {error}";
}
