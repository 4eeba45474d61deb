namespace DeskPhone.Media.Resampling;

/// <summary>
/// The edge between a 48 kHz audio device and the 16 kHz media rate the streams and codecs run
/// at: capture frames go down by 3 before they are sent, playout frames up by 3 before the
/// engine mixes its tones and sidetone in at the device rate. Frames are 20 ms either side;
/// the buffers are preallocated. One thread (the audio thread).
/// </summary>
internal sealed class MediaRateConverter
{
    private readonly DownsamplerBy3 _down;
    private readonly UpsamplerBy3 _up;
    private readonly short[] _capture;
    private readonly short[] _playout;
    private readonly int _deviceFrameSamples;

    /// <param name="deviceFrameSamples">Samples per device frame (960 at 48 kHz); a multiple of 3.</param>
    public MediaRateConverter(int deviceFrameSamples)
    {
        _deviceFrameSamples = deviceFrameSamples;
        int mediaFrameSamples = deviceFrameSamples / ThirdBandFilter.Factor;
        _down = new DownsamplerBy3(deviceFrameSamples);
        _up = new UpsamplerBy3(mediaFrameSamples);
        _capture = new short[mediaFrameSamples];
        _playout = new short[mediaFrameSamples];
    }

    /// <summary>Where the stream's playout frame goes before <see cref="Render"/>.</summary>
    public Span<short> PlayoutFrame => _playout;

    /// <summary>The microphone frame at the media rate, valid until the next call. REAL-TIME: no allocation, no lock, no logging.</summary>
    public ReadOnlySpan<short> Capture(ReadOnlySpan<short> deviceFrame)
    {
        CheckLength(deviceFrame.Length);
        _down.Process(deviceFrame, _capture);
        return _capture;
    }

    /// <summary>Writes <see cref="PlayoutFrame"/> at the device rate. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Render(Span<short> deviceFrame)
    {
        CheckLength(deviceFrame.Length);
        _up.Process(_playout, deviceFrame);
    }

    private void CheckLength(int samples)
    {
        if (samples != _deviceFrameSamples)
        {
            throw new ArgumentException($"Frame must hold {_deviceFrameSamples} samples.");
        }
    }
}
