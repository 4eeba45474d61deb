using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Replays a generated network trace through a jitter buffer in simulated time: the sender
/// emits one packet per 20 ms of its own clock, which may run fast or slow against ours by
/// <see cref="DriftPpm"/>; each packet is delayed by a fixed base plus a jitter drawn per packet,
/// or lost; the sound card pops one frame per 20 ms of our clock. Packets due by a pop are put
/// first, in arrival order, so jitter larger than a frame reorders them.
/// </summary>
internal sealed class JitterTrace
{
    private const long FrameMicroseconds = 20_000;
    private const long BaseDelayMicroseconds = 30_000;

    /// <summary>Sender clock against ours, parts per million (+1000 = the sender runs 0.1 % fast).</summary>
    public double DriftPpm { get; init; }

    /// <summary>Extra network delay of packet n, in microseconds (never negative).</summary>
    public Func<int, long> Jitter { get; init; } = _ => 0;

    /// <summary>Whether packet n is lost.</summary>
    public Func<int, bool> IsLost { get; init; } = _ => false;

    /// <summary>Where in our 20 ms period the pops fall, relative to the sender's first packet.</summary>
    public long PopPhaseMicroseconds { get; init; } = 7_000;

    /// <summary>Uniform jitter in [0, <paramref name="maxMilliseconds"/>] ms, reproducible.</summary>
    public static Func<int, long> Uniform(double maxMilliseconds, int seed)
    {
        var random = new Random(seed);
        var cache = new Dictionary<int, long>();
        return n =>
        {
            if (!cache.TryGetValue(n, out long value))
            {
                value = (long)(random.NextDouble() * maxMilliseconds * 1000);
                cache[n] = value;
            }

            return value;
        };
    }

    /// <summary>
    /// Each packet from <paramref name="fromPacket"/> on lost with probability
    /// <paramref name="fraction"/>, independently and reproducibly.
    /// </summary>
    public static Func<int, bool> RandomLoss(double fraction, int fromPacket, int seed)
    {
        var random = new Random(seed);
        var cache = new Dictionary<int, bool>();
        return n =>
        {
            if (!cache.TryGetValue(n, out bool lost))
            {
                lost = n >= fromPacket && random.NextDouble() < fraction;
                cache[n] = lost;
            }

            return lost;
        };
    }

    /// <summary>Plays <paramref name="seconds"/> of audio and reports what each pop gave.</summary>
    public Result Run(JitterBuffer buffer, double seconds)
    {
        int frames = (int)(seconds * 50);
        double senderPeriod = FrameMicroseconds / (1 + (DriftPpm / 1_000_000));
        var sent = new List<(int Sequence, long SentAt, long ArrivesAt)>();
        for (int n = 0; n < frames + 200; n++)
        {
            long sentAt = (long)(n * senderPeriod);
            if (!IsLost(n))
            {
                sent.Add((n, sentAt, sentAt + BaseDelayMicroseconds + Jitter(n)));
            }
        }

        var arrivals = sent.OrderBy(packet => packet.ArrivesAt).ThenBy(packet => packet.Sequence).ToList();
        int reordered = arrivals.Zip(arrivals.Skip(1)).Count(pair => pair.Second.Sequence < pair.First.Sequence);
        var pops = new List<PopRecord>(frames);
        int nextArrival = 0;
        for (int period = 0; period < frames; period++)
        {
            long now = BaseDelayMicroseconds + PopPhaseMicroseconds + (period * FrameMicroseconds);
            while (nextArrival < arrivals.Count && arrivals[nextArrival].ArrivesAt <= now)
            {
                (int sequence, _, long arrivesAt) = arrivals[nextArrival++];
                JitterFrames.Put(buffer, sequence, arrivesAt);
            }

            (JitterPop pop, int? played) = JitterFrames.Pop(buffer);
            long? delay = played is int sequenceNumber
                ? now - BaseDelayMicroseconds - (long)(Unwrap(sequenceNumber, period) * senderPeriod)
                : null;
            pops.Add(new PopRecord(now, pop, delay, buffer.TargetFrames));
        }

        return new Result(pops, reordered);
    }

    /// <summary>The trace numbers packets from 0; the payload carries the low 16 bits, near the current period.</summary>
    private static int Unwrap(int sequence, int period)
    {
        int candidate = (period & ~0xFFFF) | sequence;
        return candidate > period + 0x8000 ? candidate - 0x10000 : candidate;
    }

    /// <param name="DelayMicroseconds">For a played frame: how long after it was sent it played, less the network's base delay.</param>
    public sealed record PopRecord(long Time, JitterPop Pop, long? DelayMicroseconds, int TargetFrames);

    public sealed record Result(IReadOnlyList<PopRecord> Pops, int Reordered)
    {
        public int Count(JitterPop pop) => Pops.Count(record => record.Pop == pop);

        /// <summary>Mean and largest added delay in ms of the frames played from <paramref name="fromSecond"/> on.</summary>
        public (double Mean, double Max) DelayMilliseconds(double fromSecond = 0, double toSecond = double.MaxValue)
        {
            var delays = Pops
                .Where(record => record.DelayMicroseconds is not null && record.Time >= fromSecond * 1e6 && record.Time < toSecond * 1e6)
                .Select(record => record.DelayMicroseconds!.Value / 1000.0)
                .ToList();
            return (delays.Average(), delays.Max());
        }

        /// <summary>The time (s) from which every frame played has at most <paramref name="maxMilliseconds"/> of added delay.</summary>
        public double DelayWithinFrom(double maxMilliseconds)
        {
            PopRecord? last = Pops.LastOrDefault(record => record.DelayMicroseconds > maxMilliseconds * 1000);
            return last is null ? 0 : (last.Time / 1e6) + 0.02;
        }

        public int TargetAt(double second) => Pops.First(record => record.Time >= second * 1e6).TargetFrames;
    }
}
