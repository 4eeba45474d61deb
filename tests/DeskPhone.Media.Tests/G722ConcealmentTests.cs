using DeskPhone.Hal;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// G.722 through lost frames: the decoder's adaptive state follows the concealment, so the first
/// frame after a loss decodes close to what it would have without the loss. Measured on real
/// signals as the error energy, against the decode without loss, of the first 5 ms the decoder
/// gives after the gap (before the concealer's cross-fade, which is the same either way), before
/// (state left where the last frame put it) and after the change; and through
/// <see cref="Playout"/> as the audio thread runs it.
/// </summary>
public sealed class G722ConcealmentTests(ITestOutputHelper output)
{
    /// <summary>Frames of audio before the first loss: the ADPCM and the concealer's history have settled.</summary>
    private const int FirstGap = 10;

    /// <summary>Frames between the starts of the gaps measured (each in its own run).</summary>
    private const int GapSpacing = 3;

    /// <summary>
    /// Fewer frames than the jitter buffer's shrink window (100), so that the buffer, kept a few
    /// frames ahead, never drops one during a run.
    /// </summary>
    private const int MaxFrames = 90;

    private const int Ahead = 5;

    public static TheoryData<string, int, int> Cases
    {
        get
        {
            var cases = new TheoryData<string, int, int>();
            foreach (string signal in new[] { "1 kHz", "440 Hz", "speech-like" })
            {
                foreach (int sampleRate in new[] { 16000, 8000 })
                {
                    foreach (int burst in new[] { 1, 3 })
                    {
                        cases.Add(signal, sampleRate, burst);
                    }
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FirstFrameAfterLoss_DecodesCloserToTheLosslessDecode(string signal, int sampleRate, int burst)
    {
        var format = new AudioFormat(sampleRate, sampleRate / 50);
        short[] audio = Signal(signal, sampleRate);
        byte[][] payloads = Encode(audio, format);
        short[] clean = Decode(payloads, format);
        int frame = format.FrameSamples;
        int window = sampleRate / 200;

        Totals before = new();
        Totals after = new();
        for (int gap = FirstGap; gap + burst + 2 <= MaxFrames; gap += GapSpacing)
        {
            int[] lost = [.. Enumerable.Range(gap, burst)];
            int frames = gap + burst + 2;
            int first = (gap + burst) * frame;
            Run old = Replica(payloads, format, lost, frames, follow: false);
            Run followed = Replica(payloads, format, lost, frames, follow: true);

            // The audio thread's own path plays exactly what the replica that follows plays.
            Assert.Equal(followed.Played, ThroughPlayout(payloads, format, lost, frames));

            before.Add(clean.AsSpan(first, window), old.Decoded.AsSpan(first, window), clean.AsSpan(first, frame), old.Played.AsSpan(first, frame));
            after.Add(clean.AsSpan(first, window), followed.Decoded.AsSpan(first, window), clean.AsSpan(first, frame), followed.Played.AsSpan(first, frame));
        }

        output.WriteLine(
            $"G.722, {signal} at {sampleRate / 1000} kHz, {burst} lost: first 5 ms decoded, error {before.DecodedDb:F1} dB before, {after.DecodedDb:F1} dB after; "
            + $"first 20 ms played {before.PlayedDb:F1} → {after.PlayedDb:F1} dB");

        // The runs are deterministic; the bounds leave 0.4 to 2 dB to the measured figures.
        // Never notably worse, decoded or as heard (the cross-fade included).
        Assert.True(after.DecodedDb <= before.DecodedDb + 2, "decoded worse than before");
        Assert.True(after.PlayedDb <= before.PlayedDb + 1, "played worse than before");
        switch (signal)
        {
            // 20 ms is exactly 20 periods: the stale state was already in phase (about -18 dB),
            // and following keeps the tone about as close.
            case "1 kHz":
                Assert.True(after.DecodedDb < -14, $"{after.DecodedDb:F1} dB");
                break;

            // 8.8 periods: the stale state is out of phase and the first 5 ms are wrong by about
            // the signal's own energy (-4 to +3 dB); followed, they are within -15 dB.
            case "440 Hz":
                Assert.True(after.DecodedDb < -14.5, $"{after.DecodedDb:F1} dB");
                Assert.True(before.DecodedDb - after.DecodedDb > 15, $"{before.DecodedDb - after.DecodedDb:F1} dB better");
                break;

            // Speech is less predictable, so less is gained, most after a single lost frame
            // (about 5 dB); after 60 ms of loss the concealment itself no longer resembles the
            // speech, and following is worth 0 to 2.5 dB.
            default:
                Assert.True(before.DecodedDb - after.DecodedDb > (burst == 1 ? 4 : -0.5), $"{before.DecodedDb - after.DecodedDb:F1} dB better");
                break;
        }
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(8000)]
    public void LateFrame_AfterAnUnderrun_DecodesAsIfItHadComeInTime(int sampleRate)
    {
        var format = new AudioFormat(sampleRate, sampleRate / 50);
        byte[][] payloads = Encode(TestSignals.SpeechLike(sampleRate, 0.6, seed: 9), format);
        short[] clean = Decode(payloads, format);
        int frame = format.FrameSamples;
        const int Late = 12;

        // One packet at a time, as they arrive; packet 12 arrives one period after its turn.
        var buffer = new JitterBuffer(160);
        var playout = new Playout(buffer, format);
        var decoder = new FrameDecoder(AudioCodec.G722, format);
        var played = new short[(payloads.Length + 2) * frame];
        for (int period = 0; period < payloads.Length + 2; period++)
        {
            foreach (int arriving in period == Late ? [] : period == Late + 1 ? [Late, Late + 1] : new[] { period })
            {
                if (arriving < payloads.Length)
                {
                    buffer.Put((ushort)arriving, new PacketArrival((uint)(arriving * 160), 8000, period * 20_000L), payloads[arriving]);
                }
            }

            playout.Read(decoder, played.AsSpan(period * frame, frame));
        }

        // Packet 12 came 20 ms late, with 13: one period was concealed, and the decoder, which
        // followed it, went back to where frame 11 left it. From the end of the cross-fade (8 ms
        // after 20 ms of concealment) on, frame 12 and everything after are exactly the lossless
        // decode, one period late (the buffer now holds two frames, as that late packet asks).
        Assert.Equal(1, buffer.Underruns);
        Assert.Equal(0, buffer.Lost);
        Assert.Equal(2, buffer.TargetFrames);
        int from = (Late * frame) + (frame / 2);
        Assert.Equal(clean[from..], played[(from + frame)..(frame + clean.Length)]);
    }

    [Theory]
    [InlineData("440 Hz")]
    [InlineData("1 kHz")]
    public void FollowingTheAudioThatWasSent_KeepsTheDecoderInStepWithTheEncoder(string signal)
    {
        // What the alignment is worth: with the lost frame's own decoded audio as the
        // "concealment", a 16 kHz decoder comes out of the loss where the encoder is, to the
        // coding noise (about -53 and -59 dB). Speech is coded with more noise, and re-coding it
        // sends the sign-sign adaptation elsewhere: about -17 dB.
        var format = new AudioFormat(16000, 320);
        byte[][] payloads = Encode(Signal(signal, 16000), format);
        short[] clean = Decode(payloads, format);
        const int Lost = 30;
        var decoder = new FrameDecoder(AudioCodec.G722, format);
        var decoded = new short[320];
        for (int f = 0; f < Lost; f++)
        {
            Assert.True(decoder.TryDecode(payloads[f], decoded));
        }

        decoder.FollowConcealment(clean.AsSpan(Lost * 320, 320));
        decoder.FollowConcealment(clean.AsSpan((Lost + 1) * 320, decoder.ConcealmentLookahead));
        Assert.True(decoder.TryDecode(payloads[Lost + 1], decoded));

        double error = 10 * Math.Log10(Totals.Energy(clean.AsSpan((Lost + 1) * 320, 320), decoded) / Totals.Energy(clean.AsSpan((Lost + 1) * 320, 320), default));
        output.WriteLine($"{signal}: {error:F1} dB");
        Assert.True(error < -50, $"{error:F1} dB");
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(8000)]
    public void LossesAndLateFrames_ThroughPlayout_AllocateNothing(int sampleRate)
    {
        var format = new AudioFormat(sampleRate, sampleRate / 50);
        byte[][] payloads = Encode(TestSignals.SpeechLike(sampleRate, 0.2, seed: 3), format);
        var buffer = new JitterBuffer(160);
        var playout = new Playout(buffer, format);
        var decoder = new FrameDecoder(AudioCodec.G722, format);
        var earpiece = new short[format.FrameSamples];

        // In each 1000 periods: packet 352 a period late (the decoder follows the concealment,
        // then forgets it), then every 7th of 400-699 lost (it follows). The rest of the 1000
        // periods, without loss, let the buffer give back the frame of delay the late one asked
        // for, so that the next late one runs it dry again.
        void Period(int period)
        {
            int first = period % 1000 == 353 ? period - 1 : period;
            int last = period % 1000 == 352 ? period - 1 : period;
            for (int packet = first; packet <= last; packet++)
            {
                if (packet % 7 != 6 || packet % 1000 is < 400 or >= 700)
                {
                    buffer.Put((ushort)packet, new PacketArrival((uint)(packet * 160), 8000, period * 20_000L), payloads[packet % payloads.Length]);
                }
            }

            playout.Read(decoder, earpiece);
        }

        for (int i = 0; i < 1_000; i++)
        {
            Period(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1_000; i < 4_000; i++)
        {
            Period(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(buffer.Lost > 150, $"{buffer.Lost} lost");
        Assert.Equal(4, buffer.Underruns);
    }

    private static short[] Signal(string name, int sampleRate) => name switch
    {
        "1 kHz" => Sine(1000, sampleRate),
        "440 Hz" => Sine(440, sampleRate),
        _ => TestSignals.SpeechLike(sampleRate, MaxFrames / 50.0, seed: 5),
    };

    private static short[] Sine(double frequency, int sampleRate) =>
        [.. Enumerable.Range(0, MaxFrames * sampleRate / 50).Select(i => (short)Math.Round(8000 * Math.Sin(2 * Math.PI * frequency * i / sampleRate)))];

    private static byte[][] Encode(short[] audio, AudioFormat format)
    {
        var encoder = new FrameEncoder(AudioCodec.G722, format);
        int frame = format.FrameSamples;
        var payloads = new byte[audio.Length / frame][];
        for (int f = 0; f < payloads.Length; f++)
        {
            payloads[f] = new byte[160];
            encoder.Encode(audio.AsSpan(f * frame, frame), payloads[f]);
        }

        return payloads;
    }

    private static short[] Decode(byte[][] payloads, AudioFormat format)
    {
        var decoder = new FrameDecoder(AudioCodec.G722, format);
        var decoded = new short[payloads.Length * format.FrameSamples];
        for (int f = 0; f < payloads.Length; f++)
        {
            Assert.True(decoder.TryDecode(payloads[f], decoded.AsSpan(f * format.FrameSamples, format.FrameSamples)));
        }

        return decoded;
    }

    /// <summary>
    /// What <see cref="Playout"/> does for received and lost frames, step by step, keeping the
    /// decoder's own output: with <paramref name="follow"/> as it does now, without it as it did
    /// before (the concealer alone, the decoder untouched through the loss).
    /// </summary>
    private static Run Replica(byte[][] payloads, AudioFormat format, int[] lost, int frames, bool follow)
    {
        int frame = format.FrameSamples;
        var decoder = new FrameDecoder(AudioCodec.G722, format);
        var concealer = new PacketLossConcealer(format.SampleRate, frame);
        var decoded = new short[frames * frame];
        var played = new short[frames * frame];
        var extrapolation = new short[frame];
        bool erased = false;
        for (int f = 0; f < frames; f++)
        {
            Span<short> target = played.AsSpan(f * frame, frame);
            if (lost.Contains(f))
            {
                if (follow)
                {
                    concealer.Conceal(target, extrapolation);
                    decoder.FollowConcealment(extrapolation);
                }
                else
                {
                    concealer.Conceal(target);
                }

                erased = true;
                continue;
            }

            if (erased && follow)
            {
                Span<short> ahead = extrapolation.AsSpan(0, decoder.ConcealmentLookahead);
                concealer.Continue(ahead);
                decoder.FollowConcealment(ahead);
            }

            Assert.True(decoder.TryDecode(payloads[f], target));
            target.CopyTo(decoded.AsSpan(f * frame));
            concealer.Played(target);
            erased = false;
        }

        return new Run(decoded, played);
    }

    /// <summary>The same frames through a jitter buffer kept <see cref="Ahead"/> frames ahead of playout, so a missing frame pops as lost.</summary>
    private static short[] ThroughPlayout(byte[][] payloads, AudioFormat format, int[] lost, int frames)
    {
        var buffer = new JitterBuffer(160);
        var playout = new Playout(buffer, format);
        var decoder = new FrameDecoder(AudioCodec.G722, format);
        var played = new short[frames * format.FrameSamples];
        int put = 0;
        for (int f = 0; f < frames; f++)
        {
            for (; put <= f + Ahead && put < payloads.Length; put++)
            {
                if (!lost.Contains(put))
                {
                    buffer.Put((ushort)put, new PacketArrival((uint)(put * 160), 8000, put * 20_000L), payloads[put]);
                }
            }

            playout.Read(decoder, played.AsSpan(f * format.FrameSamples, format.FrameSamples));
        }

        Assert.Equal(lost.Length, buffer.Lost);
        return played;
    }

    private sealed record Run(short[] Decoded, short[] Played);

    /// <summary>Error and signal energies summed over the gaps of one case.</summary>
    private sealed class Totals
    {
        private double _window;
        private double _decodedError;
        private double _frame;
        private double _playedError;

        /// <summary>Error energy of the decoder's first 5 ms against the lossless decode, relative to its energy.</summary>
        public double DecodedDb => 10 * Math.Log10(_decodedError / _window);

        /// <summary>The same for the first frame played after the gap, cross-fade included.</summary>
        public double PlayedDb => 10 * Math.Log10(_playedError / _frame);

        public void Add(ReadOnlySpan<short> clean, ReadOnlySpan<short> decoded, ReadOnlySpan<short> cleanFrame, ReadOnlySpan<short> played)
        {
            _window += Energy(clean, default);
            _decodedError += Energy(clean, decoded);
            _frame += Energy(cleanFrame, default);
            _playedError += Energy(cleanFrame, played);
        }

        public static double Energy(ReadOnlySpan<short> reference, ReadOnlySpan<short> actual)
        {
            double sum = 0;
            for (int i = 0; i < reference.Length; i++)
            {
                double difference = reference[i] - (actual.IsEmpty ? 0 : actual[i]);
                sum += difference * difference;
            }

            return sum;
        }
    }
}
