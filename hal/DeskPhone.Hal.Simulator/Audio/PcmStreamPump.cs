using System.Buffers.Binary;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.Simulator;

/// <summary>
/// A background thread that moves samples from a <see cref="PcmRing"/> to a stream as
/// little-endian 16-bit PCM, so slow or blocking I/O (a disk, a pipe to aplay) never stalls
/// the audio thread.
/// </summary>
internal sealed class PcmStreamPump
{
    private readonly PcmRing _ring;
    private readonly Stream _destination;
    private readonly TimeSpan _idleWait;
    private readonly string _what;
    private readonly ILogger _logger;
    private readonly short[] _samples;
    private readonly byte[] _bytes;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _failed;

    /// <param name="idleWait">
    /// How long to sleep when the ring is empty. The audio thread does not signal new data,
    /// because every wake-up primitive takes a lock; half a frame keeps latency low enough.
    /// </param>
    /// <param name="what">Names the destination in log messages.</param>
    public PcmStreamPump(PcmRing ring, Stream destination, int chunkSamples, TimeSpan idleWait, string what, ILogger logger)
    {
        _ring = ring;
        _destination = destination;
        _idleWait = idleWait;
        _what = what;
        _logger = logger;
        _samples = new short[chunkSamples];
        _bytes = new byte[chunkSamples * 2];
        _thread = new Thread(Pump) { IsBackground = true, Name = $"PCM to {what}" };
    }

    /// <summary>True once a write failed; from then on nothing more is written. Readable from any thread.</summary>
    public bool Failed => _failed;

    public void Start() => _thread.Start();

    /// <summary>
    /// Asks the thread to write what is still queued and end, and waits up to
    /// <paramref name="timeout"/> for it. Returns false when it is still stuck in a write.
    /// </summary>
    public bool StopAndDrain(TimeSpan timeout)
    {
        _stopping = true;
        return _thread.Join(timeout);
    }

    private void Pump()
    {
        try
        {
            while (true)
            {
                // Read before draining: everything queued before the stop request is still written.
                bool stopping = _stopping;
                int count = _ring.Read(_samples);
                if (count > 0)
                {
                    for (int i = 0; i < count; i++)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(_bytes.AsSpan(2 * i), _samples[i]);
                    }

                    _destination.Write(_bytes, 0, count * 2);
                }
                else if (stopping)
                {
                    _destination.Flush();
                    return;
                }
                else
                {
                    Thread.Sleep(_idleWait);
                }
            }
        }
        catch (IOException e)
        {
            _failed = true;
            _logger.LogWarning(e, "Writing the earpiece sound to {What} failed; from now on it is discarded", _what);
        }
    }
}
