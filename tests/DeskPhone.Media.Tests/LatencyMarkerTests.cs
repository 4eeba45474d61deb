namespace DeskPhone.Media.Tests;

/// <summary>The marker the latency tests follow is found where it is, and nowhere else.</summary>
public sealed class LatencyMarkerTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Find_MatchesOnlyWithinASampleOfTheMarkersPlace(int sampleRate)
    {
        var marker = new LatencyMarker(sampleRate);
        int frame = sampleRate / 50;
        var signal = new short[4 * frame];
        int centre = 2 * frame;
        marker.Place(signal, centre);

        (int found, double match) = marker.Find(signal, centre - frame, 2 * frame);

        Assert.Equal(centre, found);
        Assert.True(match > 0.999, $"{match}");
        for (int shift = -frame; shift <= frame; shift++)
        {
            (_, double elsewhere) = marker.Find(signal, centre + shift, 0);
            if (Math.Abs(shift) >= 2)
            {
                Assert.True(elsewhere < 0.4, $"{elsewhere:F2} at {shift}");
            }
        }
    }
}
