using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// Reads and writes 16-bit PCM WAV files (RIFF "WAVE" form, Microsoft Multimedia Programming
/// Interface and Data Specifications 1.0: a 12-byte RIFF header, then chunks of
/// <c>id(4) size(4, little-endian) payload</c>, each payload padded to an even length).
/// </summary>
internal static class WavFile
{
    private const ushort FormatPcm = 1;

    // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the SubFormat GUID at offset 24 of "fmt ".
    private const ushort FormatExtensible = 0xFFFE;

    private const int HeaderLength = 44;

    /// <summary>Reads a 16-bit PCM WAV file; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static WavAudio Read(string path)
    {
        if (!TryParse(File.ReadAllBytes(path), out var audio, out var error))
        {
            throw new InvalidDataException($"{path}: {error}");
        }

        return audio;
    }

    /// <summary>
    /// Parses a WAV image. Skips chunks other than "fmt " and "data" (LIST, fact, cue…).
    /// A "data" size of 0 or one running past the end of the bytes is what a writer that has not yet
    /// finalised its header leaves (libsndfile while recording); then the rest of the bytes is the data.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> bytes,
        [NotNullWhen(true)] out WavAudio? audio,
        out string error)
    {
        audio = null;
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            error = "not a RIFF WAVE file";
            return false;
        }

        int channels = 0;
        int sampleRate = 0;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice(offset, 4);
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset + 4, 4));
            var bodyStart = offset + 8;
            var available = bytes.Length - bodyStart;

            if (id.SequenceEqual("fmt "u8))
            {
                if (declared < 16 || available < 16)
                {
                    error = "fmt chunk too short";
                    return false;
                }

                if (!TryReadFormat(bytes.Slice(bodyStart, (int)Math.Min(declared, (uint)available)), out channels, out sampleRate, out error))
                {
                    return false;
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0)
                {
                    error = "data chunk before fmt chunk";
                    return false;
                }

                var length = declared == 0 || declared > available ? available : (int)declared;
                audio = new WavAudio(FirstChannel(bytes.Slice(bodyStart, length), channels), sampleRate, channels);
                error = string.Empty;
                return true;
            }

            // Chunk payloads are padded to an even length (RIFF specification, "Chunks").
            var next = bodyStart + (long)declared + (declared & 1);
            if (next > bytes.Length)
            {
                break;
            }

            offset = (int)next;
        }

        error = "no data chunk";
        return false;
    }

    /// <summary>Writes interleaved 16-bit samples as a canonical 44-byte-header PCM WAV file.</summary>
    public static void Write(string path, ReadOnlySpan<short> interleaved, int sampleRate, int channels = 1)
    {
        File.WriteAllBytes(path, Encode(interleaved, sampleRate, channels));
    }

    /// <summary>Encodes interleaved 16-bit samples as a canonical 44-byte-header PCM WAV image.</summary>
    public static byte[] Encode(ReadOnlySpan<short> interleaved, int sampleRate, int channels = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        if (interleaved.Length % channels != 0)
        {
            throw new ArgumentException("sample count is not a multiple of the channel count", nameof(interleaved));
        }

        var dataLength = interleaved.Length * sizeof(short);
        var image = new byte[HeaderLength + dataLength];
        var span = image.AsSpan();
        Encoding.ASCII.GetBytes("RIFF", span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(image.Length - 8));
        Encoding.ASCII.GetBytes("WAVEfmt ", span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * channels * sizeof(short)));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(channels * sizeof(short)));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        Encoding.ASCII.GetBytes("data", span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataLength);
        for (var i = 0; i < interleaved.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderLength + (i * 2))..], interleaved[i]);
        }

        return image;
    }

    private static bool TryReadFormat(ReadOnlySpan<byte> fmt, out int channels, out int sampleRate, out string error)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible && fmt.Length >= 26)
        {
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (tag != FormatPcm || bits != 16)
        {
            error = $"only 16-bit PCM is supported (format tag {tag}, {bits} bits)";
            return false;
        }

        if (channels < 1 || sampleRate < 1)
        {
            error = $"invalid format: {channels} channels at {sampleRate} Hz";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static short[] FirstChannel(ReadOnlySpan<byte> data, int channels)
    {
        var frameBytes = channels * sizeof(short);

        // A trailing partial frame is what a recording cut mid-write leaves: drop it.
        var frames = data.Length / frameBytes;
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(i * frameBytes)..]);
        }

        return samples;
    }
}
