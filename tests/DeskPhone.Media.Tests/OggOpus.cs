using System.Buffers.Binary;
using System.Text;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Just enough Ogg (RFC 3533) and Ogg Opus (RFC 7845) to hand Opus packets to ffmpeg and take
/// them back: one packet per page, mono, granule positions at 48 kHz.
/// </summary>
internal static class OggOpus
{
    private const uint Serial = 0x5EED;

    /// <summary>An Ogg Opus file of 20 ms mono packets coded from <paramref name="inputRate"/> audio.</summary>
    public static byte[] Write(IReadOnlyList<byte[]> packets, int inputRate, int preSkip)
    {
        var file = new MemoryStream();
        var head = new byte[19];
        Encoding.ASCII.GetBytes("OpusHead").CopyTo(head, 0);
        head[8] = 1;
        head[9] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(10), (ushort)preSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(12), (uint)inputRate);
        WritePage(file, head, 0x02, 0, 0);

        byte[] vendor = Encoding.ASCII.GetBytes("DeskPhone tests");
        var tags = new byte[8 + 4 + vendor.Length + 4];
        Encoding.ASCII.GetBytes("OpusTags").CopyTo(tags, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(8), (uint)vendor.Length);
        vendor.CopyTo(tags, 12);
        WritePage(file, tags, 0, 0, 1);

        for (int i = 0; i < packets.Count; i++)
        {
            long granule = (i + 1) * 960L;
            WritePage(file, packets[i], i == packets.Count - 1 ? (byte)0x04 : (byte)0, granule, (uint)(i + 2));
        }

        return file.ToArray();
    }

    /// <summary>The audio packets of an Ogg Opus file, header packets left out.</summary>
    public static List<byte[]> ReadPackets(byte[] file)
    {
        var packets = new List<byte[]>();
        var current = new MemoryStream();
        int offset = 0;
        while (offset + 27 <= file.Length)
        {
            Assert.Equal("OggS", Encoding.ASCII.GetString(file, offset, 4));
            int segments = file[offset + 26];
            int data = offset + 27 + segments;
            for (int s = 0; s < segments; s++)
            {
                int lacing = file[offset + 27 + s];
                current.Write(file, data, lacing);
                data += lacing;
                if (lacing < 255)
                {
                    packets.Add(current.ToArray());
                    current.SetLength(0);
                }
            }

            offset = data;
        }

        return [.. packets.Where(packet => !IsHeader(packet, "OpusHead") && !IsHeader(packet, "OpusTags"))];
    }

    /// <summary>The pre-skip of an Ogg Opus file's identification header, in 48 kHz samples.</summary>
    public static int PreSkip(byte[] file) =>
        BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(file.AsSpan().IndexOf("OpusHead"u8) + 10));

    private static bool IsHeader(byte[] packet, string magic) =>
        packet.Length >= 8 && Encoding.ASCII.GetString(packet, 0, 8) == magic;

    private static void WritePage(Stream file, byte[] packet, byte flags, long granule, uint sequence)
    {
        int segments = (packet.Length / 255) + 1;
        var page = new byte[27 + segments + packet.Length];
        Encoding.ASCII.GetBytes("OggS").CopyTo(page, 0);
        page[5] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), Serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), sequence);
        page[26] = (byte)segments;
        for (int s = 0; s < segments; s++)
        {
            page[27 + s] = s < segments - 1 ? (byte)255 : (byte)(packet.Length % 255);
        }

        packet.CopyTo(page, 27 + segments);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), Crc(page));
        file.Write(page);
    }

    /// <summary>RFC 3533 §6: CRC-32 with polynomial 0x04C11DB7, initial value 0, no reflection, over the page with a zero CRC field.</summary>
    private static uint Crc(byte[] page)
    {
        uint crc = 0;
        foreach (byte octet in page)
        {
            crc ^= (uint)octet << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000_0000) != 0 ? (crc << 1) ^ 0x04C1_1DB7 : crc << 1;
            }
        }

        return crc;
    }
}
