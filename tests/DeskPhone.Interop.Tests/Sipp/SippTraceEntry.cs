namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// One message of SIPp's -trace_msg file: whether SIPp sent it, its start line, CSeq and Call-ID
/// values, and whether SIPp's loss emulation (-lost, or a scenario's lost="…") dropped it.
/// A dropped send never reaches the wire, so SIPp traces no message for it, only a marker: its
/// entry has an empty start line. A dropped receipt was on the wire (the phone sent it), so
/// its entry is complete and marked <see cref="Lost"/>.
/// </summary>
internal sealed record SippTraceEntry(bool Sent, string StartLine, string CSeq, string CallId = "", bool Lost = false)
{
    private const string DroppedSend = "UDP message voluntary lost (while sending).";
    private const string DroppedReceipt = "UDP message lost (recv).";
    private const string DroppedRetransmission = "UDP message (retrans) lost (recv).";

    /// <summary>
    /// Reads the trace: each message follows a line "UDP message sent (N bytes):" or "UDP message
    /// received [N] bytes :" and a blank line; its first line is the start line. SIPp writes a
    /// loss marker as soon as it drops a message, at the start of a line: after the dropped
    /// message for a receipt, instead of it for a send.
    /// </summary>
    public static IReadOnlyList<SippTraceEntry> Parse(string trace)
    {
        var entries = new List<SippTraceEntry>();
        var lines = trace.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(DroppedSend, StringComparison.Ordinal))
            {
                entries.Add(new SippTraceEntry(Sent: true, StartLine: string.Empty, CSeq: string.Empty, Lost: true));
            }
            else if (lines[i].StartsWith(DroppedReceipt, StringComparison.Ordinal) || lines[i].StartsWith(DroppedRetransmission, StringComparison.Ordinal))
            {
                var last = entries.FindLastIndex(e => !e.Sent);
                if (last >= 0)
                {
                    entries[last] = entries[last] with { Lost = true };
                }
            }

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
            var callId = string.Empty;
            for (var j = start + 1; j < lines.Length && lines[j].Trim().Length > 0; j++)
            {
                if (lines[j].StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))
                {
                    cseq = lines[j]["CSeq:".Length..].Trim();
                }
                else if (lines[j].StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase))
                {
                    callId = lines[j]["Call-ID:".Length..].Trim();
                }
            }

            entries.Add(new SippTraceEntry(sent, lines[start].Trim(), cseq, callId));
        }

        return entries;
    }

    public bool IsResponse(int status, string cseq) => StartLine.StartsWith($"SIP/2.0 {status} ", StringComparison.Ordinal) && CSeq == cseq;

    public bool IsRequest(string method) => StartLine.StartsWith(method + " ", StringComparison.Ordinal);
}
