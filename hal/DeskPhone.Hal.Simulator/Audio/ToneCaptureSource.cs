namespace DeskPhone.Hal.Simulator;

/// <summary>A continuous sine tone, phase-continuous across frames.</summary>
internal sealed class ToneCaptureSource : IAudioCaptureSource
{
    private readonly double _phaseStep;
    private readonly double _amplitude;
    private double _phase;

    /// <param name="amplitude">Peak value, 0–32767.</param>
    public ToneCaptureSource(double frequencyHz, int amplitude, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequencyHz);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frequencyHz, sampleRate / 2.0);
        ArgumentOutOfRangeException.ThrowIfNegative(amplitude);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amplitude, short.MaxValue);
        _phaseStep = 2 * Math.PI * frequencyHz / sampleRate;
        _amplitude = amplitude;
    }

    // REAL-TIME: no allocation, no lock, no logging
    public void Read(Span<short> frame)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Round(_amplitude * Math.Sin(_phase));
            _phase += _phaseStep;

            // Kept within one turn so precision does not decay over hours of running.
            if (_phase >= 2 * Math.PI)
            {
                _phase -= 2 * Math.PI;
            }
        }
    }
}
