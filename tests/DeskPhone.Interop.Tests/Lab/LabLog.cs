using System.Text;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// Kamailio's stdout and stderr lines, kept for failure reports. Written from the
/// thread-pool threads that Process raises its output events on, read from tests.
/// </summary>
internal sealed class LabLog
{
    private readonly Lock gate = new();
    private readonly StringBuilder text = new();

    /// <summary>Number of characters logged so far; a mark for <see cref="Since"/>.</summary>
    public int Length
    {
        get
        {
            lock (gate)
            {
                return text.Length;
            }
        }
    }

    public void Append(string line)
    {
        lock (gate)
        {
            text.AppendLine(line);
        }
    }

    /// <summary>Everything logged after <paramref name="mark"/> (a former <see cref="Length"/>).</summary>
    public string Since(int mark)
    {
        lock (gate)
        {
            return text.ToString(mark, text.Length - mark);
        }
    }

    public override string ToString() => Since(0);
}
