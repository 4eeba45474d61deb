using System.Buffers.Binary;

namespace DeskPhone.Hal.Simulator;

/// <summary>
/// The little of the RIFF WAVE format the simulator needs: 16-bit PCM mono, read and written.
/// Layout per Microsoft's "Multimedia Programming Interface and Data Specifications 1.0"
/// (RIFF chunks: 4-byte id, little-endian 32-bit size, body padded to an even length) and the
/// WAVE "fmt " chunk of WAVEFORMATEX (format tag 1 = PCM).
/// </summary>
internal static class WavFormat
{
    public const int HeaderBytes = 44;
    private const ushort PcmFormatTag = 1;

    /// <summary>
    /// Writes the 44-byte header of a PCM 16-bit mono file whose data chunk holds
    /// <paramref name="dataBytes"/> bytes.
    /// </summary>
    public static void WriteHeader(Span<byte> header, int sampleRate, uint dataBytes)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], PcmFormatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], dataBytes);
    }

    /// <summary>
    /// The samples of a 16-bit PCM mono file at <paramref name="sampleRate"/>, or null and
    /// why the file is not one.
    /// </summary>
    public static short[]? TryReadPcm16Mono(ReadOnlySpan<byte> file, int sampleRate, out string error)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            error = "not a RIFF WAVE file";
            return null;
        }

        bool formatSeen = false;
        ReadOnlySpan<byte> rest = file[12..];
        while (rest.Length >= 8)
        {
            ReadOnlySpan<byte> id = rest[..4];
            uint declared = BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]);
            ReadOnlySpan<byte> afterHeader = rest[8..];

            // Streaming writers leave the size at 0 or 0xFFFFFFFF for a data chunk that runs to the end.
            int size = declared > (uint)afterHeader.Length ? afterHeader.Length : (int)declared;
            ReadOnlySpan<byte> body = afterHeader[..size];

            if (id.SequenceEqual("fmt "u8))
            {
                if (!CheckFormat(body, sampleRate, out error))
                {
                    return null;
                }

                formatSeen = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!formatSeen)
                {
                    error = "the data chunk comes before the fmt chunk";
                    return null;
                }

                if (body.Length < 2)
                {
                    error = "the file holds no samples";
                    return null;
                }

                var samples = new short[body.Length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]);
                }

                error = string.Empty;
                return samples;
            }

            int padded = size + (size & 1);
            rest = afterHeader[Math.Min(padded, afterHeader.Length)..];
        }

        error = formatSeen ? "no data chunk" : "no fmt chunk";
        return null;
    }

    private static bool CheckFormat(ReadOnlySpan<byte> fmt, int sampleRate, out string error)
    {
        if (fmt.Length < 16)
        {
            error = "the fmt chunk is too short";
            return false;
        }

        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        ushort channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag != PcmFormatTag || channels != 1 || rate != (uint)sampleRate || bits != 16)
        {
            error = $"expected 16-bit PCM mono at {sampleRate} Hz, found format tag {tag} "
                + $"({(tag == PcmFormatTag ? "PCM" : "not plain PCM")}), {channels} channel(s), {rate} Hz, {bits}-bit";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
