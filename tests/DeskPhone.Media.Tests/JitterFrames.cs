using System.Buffers.Binary;
using DeskPhone.Media.Rtp;

namespace DeskPhone.Media.Tests;

/// <summary>Payloads that carry their own sequence number, so a test sees exactly which frame played.</summary>
internal static class JitterFrames
{
    public const int PayloadBytes = 160;

    /// <summary>Puts frame <paramref name="sequence"/> arriving exactly on time (20 ms per frame, no jitter).</summary>
    public static JitterBufferPut Put(JitterBuffer buffer, int sequence) =>
        Put(buffer, sequence, sequence * 20_000L);

    public static JitterBufferPut Put(JitterBuffer buffer, int sequence, long arrivalMicroseconds)
    {
        var payload = new byte[PayloadBytes];
        BinaryPrimitives.WriteInt32BigEndian(payload, sequence);
        return buffer.Put((ushort)sequence, new PacketArrival((uint)(sequence * 160), 8000, arrivalMicroseconds), payload);
    }

    public static (JitterPop Pop, int? Sequence) Pop(JitterBuffer buffer)
    {
        var payload = new byte[buffer.MaxPayloadBytes];
        JitterPop pop = buffer.Pop(payload, out int length);
        return pop == JitterPop.Frame ? (pop, SequenceOf(payload.AsSpan(0, length)) & 0xFFFF) : (pop, null);
    }

    public static int SequenceOf(ReadOnlySpan<byte> payload)
    {
        Assert.Equal(PayloadBytes, payload.Length);
        return BinaryPrimitives.ReadInt32BigEndian(payload);
    }
}
