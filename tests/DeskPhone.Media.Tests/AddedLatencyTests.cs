using DeskPhone.Media.Codecs;
using DeskPhone.Media.Rtp;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace DeskPhone.Media.Tests;

/// <summary>
/// The phone's own added latency each way, in device samples (issue 4 item 9: at most one 20 ms
/// frame plus one device period each way). The audio engine is called as the device calls it
/// (<see cref="LatencyDevice"/>), a marker is put into the microphone signal at known samples,
/// and the sent packets are decoded to see which packet carries it; on the way in, those packets
/// arrive exactly every 20 ms and the marker is found in the earpiece.
/// <para>
/// Processing time is not part of this (the callbacks take microseconds of a 20 ms frame); the
/// benchmark program's <c>--latency</c> mode measures it. On the way in the packets go straight
/// into the stream's jitter buffer at their arrival time, as the receive thread puts them, so
/// that the order of arrivals and callbacks is exact.
/// </para>
/// </summary>
public sealed class AddedLatencyTests(ITestOutputHelper output)
{
    private const int FirstMarkerFrame = 2;
    private const int FramesPerMarker = 4;

    public static TheoryData<AudioCodec, string, int> Cases => new()
    {
        { AudioCodec.Pcmu, "simulator", 8000 },
        { AudioCodec.G722, "simulator", 8000 },
        { AudioCodec.Pcma, "pi", 16000 },
        { AudioCodec.G722, "pi", 16000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Send_TheCapturedSampleLeavesWithinAFrameAndAPeriod(AudioCodec codec, string device, int sampleRate)
    {
        LatencyDevice dev = Device(device, sampleRate);
        Sent sent = Send(codec, dev);
        int frame = dev.FrameSamples;

        long worst = 0;
        int worstDelay = 0;
        foreach (int centre in sent.MarkerCentres)
        {
            (int decodedAt, double match) = sent.Marker.Find(sent.Decoded, centre, frame / 2);
            Assert.True(match > LatencyMarker.Found, $"marker at {centre} found with correlation {match:F2} only");

            // The packet whose decoded audio holds the marked sample left in the callback of its
            // capture frame. The decoded position includes the codec's and resamplers' filter
            // delay on both sides, so this counts the decoder's share too (an upper bound).
            int packet = decodedAt / frame;
            long latency = dev.CallbackTime(packet) - centre;
            Assert.InRange(latency, 1, dev.Aim);
            if (latency > worst)
            {
                worst = latency;
                worstDelay = decodedAt - centre;
            }
        }

        output.WriteLine(
            $"{codec} on the {dev}: capture → RTP out at most {worst} samples = {dev.Milliseconds(worst):F2} ms "
            + $"(codec and resampler delay {worstDelay} samples); aim {dev.Milliseconds(dev.Aim):F0} ms");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Receive_AtZeroJitter_APacketStartsPlayingWithinAFrameAndAPeriodOfItsArrival(AudioCodec codec, string device, int sampleRate)
    {
        LatencyDevice dev = Device(device, sampleRate);
        Sent sent = Send(codec, dev);
        int frame = dev.FrameSamples;

        // Arrival phases against the callbacks: on a callback, a quarter, half and three quarters
        // of a frame before it, and just after the one before (the longest wait).
        foreach (int phase in new[] { frame, frame * 3 / 4, frame / 2, frame / 4, 1 })
        {
            Played played = Receive(codec, dev, sent.Packets, phase);

            // Nothing is added but the wait for the next callback: packet q plays in callback q,
            // so the earpiece repeats the sender's audio as decoded, sample for sample.
            Assert.Equal(sent.Decoded, played.Earpiece);
            Assert.Equal(0, played.Buffer.Underruns + played.Buffer.Lost + played.Buffer.Inserted + played.Buffer.Dropped);
            Assert.Equal(JitterBuffer.MinTargetFrames, played.Buffer.TargetFrames);

            long worst = 0;
            long worstMouthToEar = 0;
            foreach (int centre in sent.MarkerCentres)
            {
                (int decodedAt, _) = sent.Marker.Find(sent.Decoded, centre, frame / 2);
                (int heardAt, double match) = sent.Marker.Find(played.Earpiece, decodedAt, 2 * frame);
                Assert.True(match > LatencyMarker.Found, $"marker at {decodedAt} not in the earpiece ({match:F2})");

                // The packet that carries the marker, and the marker's place in it.
                int packet = decodedAt / frame;
                long arrival = ArrivalTime(packet, phase, frame);

                // From the packet's arrival to when its first sample plays: the marker's own
                // place in the packet is audio the packet carries, not delay (it was counted on
                // the way out, where a marker late in a frame waits less).
                long latency = dev.PlayTime(heardAt) - arrival - (decodedAt % frame);
                long expected = frame - phase + dev.PlaybackLead;
                Assert.Equal(expected, latency);
                Assert.InRange(latency, 0, dev.Aim);
                worst = Math.Max(worst, latency);

                // Both phones, with a network of zero delay between them: microphone to earpiece.
                long mouthToEar = dev.CallbackTime(packet) - centre + (dev.PlayTime(heardAt) - arrival);
                Assert.InRange(mouthToEar, 0, 2 * dev.Aim);
                worstMouthToEar = Math.Max(worstMouthToEar, mouthToEar);
            }

            output.WriteLine(
                $"{codec} on the {dev}, packets arriving {frame - phase} samples before a callback: RTP in → playback "
                + $"{dev.Milliseconds(worst):F2} ms; microphone → earpiece through both phones at most {dev.Milliseconds(worstMouthToEar):F2} ms");
        }
    }

    private static LatencyDevice Device(string device, int sampleRate) =>
        device == "pi" ? LatencyDevice.RaspberryPi(sampleRate) : LatencyDevice.Simulator(sampleRate);

    /// <summary>Packet <paramref name="packet"/> arrives <paramref name="phase"/> samples into its frame: exactly every 20 ms.</summary>
    private static long ArrivalTime(int packet, int phase, int frame) => ((long)packet * frame) + phase;

    /// <summary>
    /// Runs one phone's audio engine over a microphone signal with markers at several places in
    /// their frames (the start, quarters, and every fourth sample of the last 50), collecting
    /// the RTP packets its stream sends, one per callback, and decoding them in order.
    /// </summary>
    private static Sent Send(AudioCodec codec, LatencyDevice device)
    {
        int frame = device.FrameSamples;
        var offsets = new List<int> { 0, frame / 4, frame / 2, frame * 3 / 4 };
        offsets.AddRange(Enumerable.Range(0, 13).Select(i => frame - 1 - (4 * i)));
        int frames = FirstMarkerFrame + (FramesPerMarker * offsets.Count) + 2;

        var marker = new LatencyMarker(device.Format.SampleRate);
        var microphone = new short[frames * frame];
        int[] centres = [.. offsets.Select((offset, i) => ((FirstMarkerFrame + (FramesPerMarker * i)) * frame) + offset)];
        foreach (int centre in centres)
        {
            marker.Place(microphone, centre);
        }

        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(new FakeTimeProvider(), format: device.Format);
        stream.Start(new MediaNegotiation(peer.EndPoint, codec, StreamPair.PayloadTypeOf(codec), null, MediaDirection.SendRecv));
        var engine = new AudioEngine(device.Format);
        engine.Attach(stream);

        var packets = new List<(RtpHeader Header, byte[] Payload)>();
        var earpiece = new short[frame];
        for (int p = 0; p < frames; p++)
        {
            engine.ProcessCapture(microphone.AsSpan(p * frame, frame));
            engine.RenderPlayback(earpiece);

            // The send is synchronous on the audio thread: the packet of callback p is out by now.
            packets.Add(peer.Receive());
            Assert.Equal(0, peer.Available);
        }

        var decoder = new FrameDecoder(codec, device.Format);
        var decoded = new short[frames * frame];
        for (int p = 0; p < frames; p++)
        {
            Assert.Equal((ushort)(packets[0].Header.SequenceNumber + p), packets[p].Header.SequenceNumber);
            Assert.True(decoder.TryDecode(packets[p].Payload, decoded.AsSpan(p * frame, frame)));
        }

        return new Sent(marker, centres, packets, decoded);
    }

    /// <summary>
    /// Plays <paramref name="packets"/> through a second phone's stream and engine, packet q
    /// arriving at q frames + <paramref name="phase"/> samples, and records the earpiece.
    /// </summary>
    private static Played Receive(AudioCodec codec, LatencyDevice device, List<(RtpHeader Header, byte[] Payload)> packets, int phase)
    {
        int frame = device.FrameSamples;
        using var peer = new RawRtpPeer();
        using RtpStream stream = StreamPair.OpenStream(new FakeTimeProvider(), format: device.Format);
        stream.Start(new MediaNegotiation(peer.EndPoint, codec, StreamPair.PayloadTypeOf(codec), null, MediaDirection.SendRecv));
        var engine = new AudioEngine(device.Format);
        engine.Attach(stream);

        var microphone = new short[frame];
        var earpiece = new short[packets.Count * frame];
        int next = 0;
        for (int p = 0; p < packets.Count; p++)
        {
            // Every packet that has arrived by this callback is in the buffer before it runs.
            while (next < packets.Count && ArrivalTime(next, phase, frame) <= device.CallbackTime(p))
            {
                (RtpHeader header, byte[] payload) = packets[next];
                long microseconds = ArrivalTime(next, phase, frame) * 1_000_000 / device.Format.SampleRate;
                stream.JitterBuffer.Put(header.SequenceNumber, new PacketArrival(header.Timestamp, codec.RtpClockRate(), microseconds), payload);
                next++;
            }

            engine.ProcessCapture(microphone);
            engine.RenderPlayback(earpiece.AsSpan(p * frame, frame));
        }

        return new Played(earpiece, stream.JitterBuffer);
    }

    private sealed record Sent(LatencyMarker Marker, int[] MarkerCentres, List<(RtpHeader Header, byte[] Payload)> Packets, short[] Decoded);

    private sealed record Played(short[] Earpiece, JitterBuffer Buffer);
}
