namespace DeskPhone.Media.Tests;

/// <summary>
/// ffmpeg's G.711 encoding of every 16-bit value and decoding of every code, for both laws,
/// computed once per test class in one ffmpeg run.
/// </summary>
public sealed class G711Reference
{
    public G711Reference()
    {
        AllValues = [.. Enumerable.Range(short.MinValue, 65536).Select(value => (short)value)];
        AllCodes = [.. Enumerable.Range(0, 256).Select(code => (byte)code)];
        byte[][] outputs = Ffmpeg.Run(
        [
            Ffmpeg.Encode(AllValues, 8000, "pcm_mulaw", "mulaw"),
            Ffmpeg.Encode(AllValues, 8000, "pcm_alaw", "alaw"),
            Ffmpeg.Decode(AllCodes, "-f mulaw -ar 8000 -ac 1"),
            Ffmpeg.Decode(AllCodes, "-f alaw -ar 8000 -ac 1"),
        ]);
        Encoded = new Dictionary<AudioCodec, byte[]> { [AudioCodec.Pcmu] = outputs[0], [AudioCodec.Pcma] = outputs[1] };
        Decoded = new Dictionary<AudioCodec, short[]>
        {
            [AudioCodec.Pcmu] = Pcm.FromBytes(outputs[2]),
            [AudioCodec.Pcma] = Pcm.FromBytes(outputs[3]),
        };
    }

    /// <summary>-32768 to 32767 in order.</summary>
    public short[] AllValues { get; }

    /// <summary>0 to 255 in order.</summary>
    public byte[] AllCodes { get; }

    public IReadOnlyDictionary<AudioCodec, byte[]> Encoded { get; }

    public IReadOnlyDictionary<AudioCodec, short[]> Decoded { get; }
}
