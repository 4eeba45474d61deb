using System.Buffers.Binary;

namespace DeskPhone.Hal.Simulator.Tests;

/// <summary>Builds WAV files byte by byte, independently of the code under test.</summary>
internal static class WavFiles
{
    public static byte[] Pcm(int sampleRate, short channels, short bits, short formatTag, IReadOnlyList<short> samples, bool withListChunk = false)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(0u);
        writer.Write("WAVE"u8);
        if (withListChunk)
        {
            // An odd-sized chunk the reader must skip, with its pad byte.
            writer.Write("LIST"u8);
            writer.Write(3u);
            writer.Write(new byte[] { 1, 2, 3, 0 });
        }

        writer.Write("fmt "u8);
        writer.Write(16u);
        writer.Write(formatTag);
        writer.Write(channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * channels * bits / 8);
        writer.Write((short)(channels * bits / 8));
        writer.Write(bits);
        writer.Write("data"u8);
        writer.Write((uint)(samples.Count * 2));
        foreach (short sample in samples)
        {
            writer.Write(sample);
        }

        writer.Flush();
        byte[] bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    public static string TempPath() => Path.Combine(Path.GetTempPath(), $"deskphone-sim-{Guid.NewGuid():N}.wav");
}
