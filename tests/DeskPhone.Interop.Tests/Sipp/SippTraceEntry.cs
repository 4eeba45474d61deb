namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>One message of SIPp's -trace_msg file: whether SIPp sent it, its start line and its CSeq value.</summary>
internal sealed record SippTraceEntry(bool Sent, string StartLine, string CSeq)
{
    /// <summary>
    /// Reads the trace: each message follows a line "UDP message sent (N bytes):" or "UDP message
    /// received [N] bytes :" and a blank line; its first line is the start line.
    /// </summary>
    public static IReadOnlyList<SippTraceEntry> Parse(string trace)
    {
        var entries = new List<SippTraceEntry>();
        var lines = trace.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var sent = lines[i].StartsWith("UDP message sent", StringComparison.Ordinal);
            if (!sent && !lines[i].StartsWith("UDP message received", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + 1;
            while (start < lines.Length && lines[start].Trim().Length == 0)
            {
                start++;
            }

            if (start == lines.Length)
            {
                break;
            }

            var cseq = string.Empty;
            for (var j = start + 1; j < lines.Length && lines[j].Trim().Length > 0; j++)
            {
                if (lines[j].StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))
                {
                    cseq = lines[j]["CSeq:".Length..].Trim();
                }
            }

            entries.Add(new SippTraceEntry(sent, lines[start].Trim(), cseq));
        }

        return entries;
    }

    public bool IsResponse(int status, string cseq) => StartLine.StartsWith($"SIP/2.0 {status} ", StringComparison.Ordinal) && CSeq == cseq;

    public bool IsRequest(string method) => StartLine.StartsWith(method + " ", StringComparison.Ordinal);
}
