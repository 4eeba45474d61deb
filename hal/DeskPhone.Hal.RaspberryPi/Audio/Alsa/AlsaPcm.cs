namespace DeskPhone.Hal.RaspberryPi;

/// <summary>An ALSA PCM opened in blocking mode, S16_LE mono, interleaved read/write access.</summary>
internal sealed unsafe class AlsaPcm : IPcmStream
{
    private nint _handle;

    private AlsaPcm(string name, nint handle, int periodFrames, int bufferFrames)
    {
        Name = name;
        _handle = handle;
        PeriodFrames = periodFrames;
        BufferFrames = bufferFrames;
    }

    public string Name { get; }

    public int PeriodFrames { get; }

    public int BufferFrames { get; }

    /// <summary>
    /// Opens and configures <paramref name="device"/>. The error, when there is one, names the
    /// device and gives alsa-lib's reason.
    /// </summary>
    /// <param name="startThreshold">Frames that must be queued before the stream starts by itself.</param>
    public static (AlsaPcm? Pcm, string? Error) Open(string device, bool capture, int sampleRate, int periodFrames, int bufferFrames, int startThreshold)
    {
        nint handle;
        int result;
        try
        {
            result = AlsaNative.PcmOpen(out handle, device, capture ? AlsaNative.StreamCapture : AlsaNative.StreamPlayback, 0);
        }
        catch (DllNotFoundException)
        {
            return (null, "libasound.so.2 is missing: install the libasound2 package");
        }

        string what = capture ? "capture" : "playback";
        if (result < 0)
        {
            return (null, $"cannot open ALSA {what} device '{device}': {AlsaNative.ErrorText(result)}");
        }

        var (period, buffer, error) = Configure(handle, sampleRate, periodFrames, bufferFrames, startThreshold);
        if (error is not null)
        {
            AlsaNative.PcmClose(handle);
            return (null, $"ALSA {what} device '{device}': {error}");
        }

        return (new AlsaPcm(device, handle, period, buffer), null);
    }

    public int Prepare() => AlsaNative.Prepare(_handle);

    public int Start() => AlsaNative.Start(_handle);

    public int Drop() => AlsaNative.Drop(_handle);

    // REAL-TIME: no allocation, no lock, no logging
    public long Write(ReadOnlySpan<short> samples)
    {
        fixed (short* data = samples)
        {
            return AlsaNative.WriteInterleaved(_handle, data, (nuint)samples.Length);
        }
    }

    // REAL-TIME: no allocation, no lock, no logging
    public long Read(Span<short> samples)
    {
        fixed (short* data = samples)
        {
            return AlsaNative.ReadInterleaved(_handle, data, (nuint)samples.Length);
        }
    }

    // REAL-TIME: no allocation, no lock, no logging
    public int Recover(int error) => AlsaNative.Recover(_handle, error, 1);

    // REAL-TIME: no allocation, no lock, no logging
    public int AvailDelay(out long available, out long delay)
    {
        int result = AlsaNative.AvailDelay(_handle, out nint free, out nint queued);
        available = free;
        delay = queued;
        return result;
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            AlsaNative.PcmClose(_handle);
            _handle = 0;
        }
    }

    private static (int Period, int Buffer, string? Error) Configure(nint pcm, int sampleRate, int periodFrames, int bufferFrames, int startThreshold)
    {
        if (AlsaNative.HwParamsMalloc(out nint hw) < 0)
        {
            return (0, 0, "out of memory for hardware parameters");
        }

        try
        {
            uint rate = (uint)sampleRate;
            int direction = 0;
            nuint period = (nuint)periodFrames;
            nuint buffer = (nuint)bufferFrames;
            string? error =
                Check(AlsaNative.HwParamsAny(pcm, hw), "no configuration")
                ?? Check(AlsaNative.HwParamsSetAccess(pcm, hw, AlsaNative.AccessReadWriteInterleaved), "no interleaved read/write access")
                ?? Check(AlsaNative.HwParamsSetFormat(pcm, hw, AlsaNative.FormatS16LittleEndian), "no 16-bit little-endian samples (use a plughw: device)")
                ?? Check(AlsaNative.HwParamsSetChannels(pcm, hw, 1), "no mono (use a plughw: device)")
                ?? Check(AlsaNative.HwParamsSetRateNear(pcm, hw, ref rate, ref direction), $"no rate near {sampleRate} Hz");
            if (error is null && rate != (uint)sampleRate)
            {
                error = $"runs at {rate} Hz, not {sampleRate} Hz (use a plughw: device to resample)";
            }

            direction = 0;
            error ??=
                Check(AlsaNative.HwParamsSetPeriodSizeNear(pcm, hw, ref period, ref direction), $"no period near {periodFrames} frames")
                ?? Check(AlsaNative.HwParamsSetBufferSizeNear(pcm, hw, ref buffer), $"no buffer near {bufferFrames} frames")
                ?? Check(AlsaNative.HwParamsApply(pcm, hw), "the hardware parameters were refused")
                ?? Check(AlsaNative.HwParamsGetPeriodSize(hw, out period, out direction), "no period size")
                ?? Check(AlsaNative.HwParamsGetBufferSize(hw, out buffer), "no buffer size")
                ?? ConfigureSoftware(pcm, (nuint)startThreshold, period);
            return (checked((int)period), checked((int)buffer), error);
        }
        finally
        {
            AlsaNative.HwParamsFree(hw);
        }
    }

    private static string? ConfigureSoftware(nint pcm, nuint startThreshold, nuint period)
    {
        if (AlsaNative.SwParamsMalloc(out nint sw) < 0)
        {
            return "out of memory for software parameters";
        }

        try
        {
            // Wake the blocked thread once a whole period is there (playback: free) — the device
            // clock, one period at a time, paces the audio thread.
            return Check(AlsaNative.SwParamsCurrent(pcm, sw), "no software parameters")
                ?? Check(AlsaNative.SwParamsSetStartThreshold(pcm, sw, startThreshold), "start threshold refused")
                ?? Check(AlsaNative.SwParamsSetAvailMin(pcm, sw, period), "minimum available refused")
                ?? Check(AlsaNative.SwParamsApply(pcm, sw), "the software parameters were refused");
        }
        finally
        {
            AlsaNative.SwParamsFree(sw);
        }
    }

    private static string? Check(int result, string problem) =>
        result < 0 ? $"{problem}: {AlsaNative.ErrorText(result)}" : null;
}
