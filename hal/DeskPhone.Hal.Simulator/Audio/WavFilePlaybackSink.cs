using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.Simulator;

/// <summary>
/// Records the earpiece sound to a 16-bit PCM mono WAV file, rewritten at each run. The sizes
/// in the header are only known at the end, so <see cref="Close"/> writes them.
/// </summary>
internal sealed class WavFilePlaybackSink : IAudioPlaybackSink
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly string _path;
    private readonly ILogger _logger;
    private FileStream? _file;
    private PcmRing? _ring;
    private PcmStreamPump? _pump;
    private AudioFormat _format;
    private long _droppedFrames;
    private bool _cannotWrite;

    public WavFilePlaybackSink(string path, ILogger logger)
    {
        _path = path;
        _logger = logger;
    }

    public string Description => _cannotWrite ? $"none (cannot write {_path})" : $"WAV file {_path}";

    public void Open(AudioFormat format)
    {
        _format = format;
        try
        {
            _file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A development aid must not stop the phone: run without recording instead.
            _cannotWrite = true;
            _logger.LogWarning(e, "Cannot create {Path}; the earpiece sound is discarded", _path);
            return;
        }

        _cannotWrite = false;
        Span<byte> header = stackalloc byte[WavFormat.HeaderBytes];
        WavFormat.WriteHeader(header, format.SampleRate, 0);
        _file.Write(header);

        // Two seconds of slack absorb a disk that stalls now and then.
        _ring = new PcmRing(format.SampleRate * 2);
        _pump = new PcmStreamPump(_ring, _file, format.FrameSamples, format.FrameDuration / 2, _path, _logger);
        _droppedFrames = 0;
        _pump.Start();
    }

    // REAL-TIME: no allocation, no lock, no logging
    public void Write(ReadOnlySpan<short> frame)
    {
        if (_ring is not null && !_ring.TryWrite(frame))
        {
            _droppedFrames++;
        }
    }

    public void Close()
    {
        if (_file is null || _pump is null)
        {
            return;
        }

        if (!_pump.StopAndDrain(CloseTimeout))
        {
            _logger.LogWarning("Writing {Path} did not finish within {Timeout}; the file may be cut short", _path, CloseTimeout);
        }

        if (_droppedFrames > 0)
        {
            _logger.LogWarning("{Count} earpiece frames were dropped because {Path} could not be written fast enough", _droppedFrames, _path);
        }

        if (!_pump.Failed)
        {
            // RIFF sizes are 32-bit: a run longer than about 74 hours at 8 kHz cannot be described exactly.
            uint dataBytes = (uint)Math.Min(_file.Length - WavFormat.HeaderBytes, uint.MaxValue - 36);
            Span<byte> header = stackalloc byte[WavFormat.HeaderBytes];
            WavFormat.WriteHeader(header, _format.SampleRate, dataBytes);
            _file.Position = 0;
            _file.Write(header);
        }

        _file.Dispose();
        _file = null;
        _pump = null;
        _ring = null;
    }
}
