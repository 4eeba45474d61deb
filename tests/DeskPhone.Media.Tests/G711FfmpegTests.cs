using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Our G.711 against ffmpeg's. Decoding is identical for every code, so ffmpeg hears exactly
/// what we mean to send and we hear exactly what it sends. Encoding is identical except at 964
/// of the 65,536 inputs per law, where ffmpeg departs from G.711: it picks the nearest level
/// from a table (rounding differently at the ends of segments) and ranks a negative sample by
/// its magnitude, whereas G.711 places the segment boundaries at its own decision values and
/// the ITU-T G.191 reference coder ranks a negative sample by its one's complement, as ours
/// does. The tests pin those differences: each is one quantisation step, and their number
/// does not change.
/// </summary>
public sealed class G711FfmpegTests(G711Reference reference) : IClassFixture<G711Reference>
{
    private const int InputsWhereFfmpegRoundsDifferently = 964;

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void Decode_EveryCode_GivesFfmpegsSample(AudioCodec codec)
    {
        var ours = new short[256];
        G711.Decode(codec, reference.AllCodes, ours);

        Identical.Assert(reference.Decoded[codec], ours, $"{codec} decoded codes");
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void Encode_EverySixteenBitValue_MatchesFfmpegBarItsRoundingAtDecisionLevels(AudioCodec codec)
    {
        var ours = new byte[reference.AllValues.Length];
        G711.Encode(codec, reference.AllValues, ours);
        byte[] theirs = reference.Encoded[codec];

        // Rank of each code's level among all the law's levels, from most negative up.
        var levels = new short[256];
        G711.Decode(codec, reference.AllCodes, levels);
        short[] ordered = [.. levels.Distinct().Order()];

        int differences = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            if (ours[i] != theirs[i])
            {
                differences++;
                int step = Math.Abs(Array.BinarySearch(ordered, levels[ours[i]]) - Array.BinarySearch(ordered, levels[theirs[i]]));
                Assert.True(step == 1, $"{codec} input {reference.AllValues[i]}: ours {ours[i]:X2}, ffmpeg {theirs[i]:X2} are {step} levels apart");
            }
        }

        Assert.Equal(InputsWhereFfmpegRoundsDifferently, differences);
    }
}
