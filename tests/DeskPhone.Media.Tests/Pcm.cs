using System.Runtime.InteropServices;

namespace DeskPhone.Media.Tests;

/// <summary>16-bit little-endian PCM as bytes, as ffmpeg's s16le reads and writes it.</summary>
internal static class Pcm
{
    public static byte[] ToBytes(short[] samples) =>
        BitConverter.IsLittleEndian ? MemoryMarshal.AsBytes(samples.AsSpan()).ToArray() : throw new PlatformNotSupportedException();

    public static short[] FromBytes(byte[] bytes) =>
        BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, short>(bytes).ToArray() : throw new PlatformNotSupportedException();
}
