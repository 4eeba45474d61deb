namespace DeskPhone.Media.Tones;

/// <summary>
/// Generates the 425 Hz call-progress tones. Audio thread only: <see cref="Select"/> and
/// <see cref="Render"/> are called from the audio callback.
/// <para>
/// 425 Hz and 8000 Hz share a period of 320 samples (17 whole cycles), so the tone is one
/// precomputed table played in a loop, with no phase drift. Every burst starts at phase 0, and
/// at 8 kHz every burst length of <see cref="ToneCadence"/> is a whole number of half cycles,
/// so bursts also end on a zero crossing and the cadence does not click.
/// </para>
/// </summary>
internal sealed class ToneGenerator
{
    public const int FrequencyHz = 425;

    // About -10 dBm0: G.711 puts +3.17 dBm0 at full scale, so the peak is 10^(-13.17/20) of it.
    private const double Amplitude = 32767 * 0.2194;

    private readonly short[] _table;
    private readonly int _sampleRate;
    private ToneCadence _cadence;
    private int _cadencePosition;
    private int _tablePosition;

    public ToneGenerator(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _sampleRate = sampleRate;
        _table = new short[sampleRate / GreatestCommonDivisor(sampleRate, FrequencyHz)];
        for (int i = 0; i < _table.Length; i++)
        {
            _table[i] = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * FrequencyHz * i / sampleRate));
        }
    }

    public CallProgressTone Tone { get; private set; }

    /// <summary>Starts <paramref name="tone"/> from the beginning of its cadence. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Select(CallProgressTone tone)
    {
        Tone = tone;
        _cadence = tone == CallProgressTone.None ? default : ToneCadence.For(tone, _sampleRate);
        _cadencePosition = 0;
        _tablePosition = 0;
    }

    /// <summary>Writes the next frame of the tone (silence for None). REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Render(Span<short> frame)
    {
        if (Tone == CallProgressTone.None)
        {
            frame.Clear();
            return;
        }

        for (int i = 0; i < frame.Length; i++)
        {
            if (_cadencePosition < _cadence.OnSamples)
            {
                frame[i] = _table[_tablePosition];
                _tablePosition = _tablePosition + 1 == _table.Length ? 0 : _tablePosition + 1;
            }
            else
            {
                frame[i] = 0;
            }

            if (++_cadencePosition == _cadence.PeriodSamples)
            {
                _cadencePosition = 0;

                // Bursts restart at phase 0; a continuous tone just keeps its phase.
                if (_cadence.OffSamples != 0)
                {
                    _tablePosition = 0;
                }
            }
        }
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
