using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// A ringer speaker on its own ALSA playback device: while ringing, a thread writes the cadence
/// — a sine tone, then silence — one period at a time. The cadence is counted in samples, so the
/// device clock times it.
/// </summary>
internal sealed class SpeakerRinger : IRinger, IDisposable
{
    public const int SampleRate = 8000;

    /// <summary>About −6 dBFS: loud, with headroom for the speaker amplifier.</summary>
    private const double Amplitude = 16000;

    private readonly IPcmStream _pcm;
    private readonly RingCadence _cadence;
    private readonly double _phaseStep;
    private readonly ILogger _logger;
    private readonly short[] _block;
    private readonly Lock _control = new();
    private Thread? _thread;
    private volatile bool _stopRequested;

    public SpeakerRinger(IPcmStream pcm, RingCadence cadence, int frequencyHz, ILogger logger)
    {
        _pcm = pcm;
        _cadence = cadence;
        _phaseStep = 2 * Math.PI * frequencyHz / SampleRate;
        _logger = logger;
        _block = new short[pcm.PeriodFrames];
    }

    public bool IsRinging
    {
        get
        {
            lock (_control)
            {
                return _thread is not null;
            }
        }
    }

    /// <summary>THREAD: the phone loop.</summary>
    public void StartRinging()
    {
        lock (_control)
        {
            if (_thread is not null)
            {
                return;
            }

            _stopRequested = false;
            _thread = new Thread(Ring) { IsBackground = true, Name = "Ringer audio" };
            _thread.Start();
        }
    }

    /// <summary>THREAD: the phone loop. Returns within a period.</summary>
    public void StopRinging()
    {
        lock (_control)
        {
            if (_thread is null)
            {
                return;
            }

            _stopRequested = true;
            _thread.Join();
            _thread = null;
        }
    }

    public void Dispose()
    {
        StopRinging();
        _pcm.Dispose();
    }

    private void Ring()
    {
        long result = _pcm.Prepare();
        int segment = 0;
        int left = _cadence.Samples(0, SampleRate);
        double phase = 0;
        while (result >= 0 && !_stopRequested)
        {
            for (int i = 0; i < _block.Length; i++)
            {
                while (left == 0)
                {
                    segment = _cadence.Next(segment);
                    left = _cadence.Samples(segment, SampleRate);
                }

                _block[i] = RingCadence.Rings(segment) ? (short)(Amplitude * Math.Sin(phase)) : (short)0;
                phase = (phase + _phaseStep) % (2 * Math.PI);
                left--;
            }

            result = _pcm.Write(_block);
            if (result is -AlsaNative.EPIPE or -AlsaNative.ESTRPIPE)
            {
                result = _pcm.Recover((int)result);
            }
        }

        _pcm.Drop();
        if (result < 0)
        {
            _logger.LogError("The ringer speaker stopped: {Error}", AlsaNative.ErrorText(result));
        }
    }
}
