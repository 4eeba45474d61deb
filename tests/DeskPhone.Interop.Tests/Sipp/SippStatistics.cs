using System.Globalization;

namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// The counters of SIPp's statistics file (-trace_stat) that the tests check, read from its last
/// row: the cumulative ("(C)") calls that succeeded and failed, and the messages SIPp sent again
/// (its retransmissions on a timer, and its answers to the peer's retransmissions).
/// </summary>
internal sealed record SippStatistics(int SuccessfulCalls, int FailedCalls, int Retransmissions)
{
    /// <summary>Parses the file: a header row naming the fields, then one row per dump, separated by ';'.</summary>
    public static SippStatistics Parse(string csv)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rows.Length < 2)
        {
            return new SippStatistics(0, 0, 0);
        }

        var names = rows[0].Split(';');
        var values = rows[^1].Split(';');
        int Counter(string name)
        {
            var index = Array.IndexOf(names, name);
            return index >= 0 && index < values.Length ? int.Parse(values[index], CultureInfo.InvariantCulture) : 0;
        }

        return new SippStatistics(Counter("SuccessfulCall(C)"), Counter("FailedCall(C)"), Counter("Retransmissions(C)"));
    }
}
