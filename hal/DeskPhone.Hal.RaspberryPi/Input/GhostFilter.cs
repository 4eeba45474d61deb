using System.Numerics;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Ghost-key rejection for a matrix without diodes. When three keys at three corners of a
/// rectangle are down, the driven row reaches the fourth corner's column through the other
/// three, so a key nobody pressed reads down — and the reading cannot tell which three are
/// real. Every such chain shows up as two rows that read at least two columns in common, so
/// such a reading is trusted only for releases: keys already accepted stay down if they still
/// read down, and no new key goes down until the ambiguity is gone. A real key can never read
/// released while pressed, so releases are always safe to accept.
/// </summary>
internal static class GhostFilter
{
    /// <summary>The reading to act on, given the raw <paramref name="reading"/> and the last accepted one.</summary>
    public static ulong Accept(ulong reading, ulong previous, int rows) =>
        IsAmbiguous(reading, rows) ? reading & previous : reading;

    /// <summary>True when two rows share two or more pressed columns.</summary>
    public static bool IsAmbiguous(ulong reading, int rows)
    {
        for (int first = 0; first < rows - 1; first++)
        {
            ulong firstRow = Row(reading, first);
            if (BitOperations.PopCount(firstRow) < 2)
            {
                continue;
            }

            for (int second = first + 1; second < rows; second++)
            {
                if (BitOperations.PopCount(firstRow & Row(reading, second)) >= 2)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ulong Row(ulong reading, int row) => (reading >> (row * KeyLayout.MaxColumns)) & 0xFF;
}
