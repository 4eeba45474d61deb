namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// A received SIP message, parsed just enough for lab assertions: start line, headers by
/// full name (RFC 3261 section 7), body. Compact header names are not expanded: the lab's
/// own UAs and Kamailio write full names.
/// </summary>
internal sealed class RawSipMessage
{
    private readonly List<KeyValuePair<string, string>> headers;

    private RawSipMessage(string text, string startLine, List<KeyValuePair<string, string>> headers, string body)
    {
        Text = text;
        StartLine = startLine;
        this.headers = headers;
        Body = body;
    }

    public string Text { get; }

    public string StartLine { get; }

    public string Body { get; }

    public bool IsResponse => StartLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal);

    /// <summary>The status code of a response; 0 for a request.</summary>
    public int StatusCode => IsResponse ? int.Parse(StartLine.AsSpan(8, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The method of a request, or the method named in a response's CSeq.</summary>
    public string Method => IsResponse ? CSeqMethod : StartLine[..StartLine.IndexOf(' ', StringComparison.Ordinal)];

    public string RequestUri => IsResponse ? string.Empty : StartLine.Split(' ')[1];

    public string CallId => Header("Call-ID") ?? string.Empty;

    public string CSeqMethod => (Header("CSeq") ?? " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

    public int CSeqNumber => int.Parse((Header("CSeq") ?? "0").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first value of the header, or null when absent.</summary>
    public string? Header(string name) => AllHeaders(name).FirstOrDefault();

    /// <summary>Every header line of that name, top to bottom, each as written (comma lists not split).</summary>
    public IEnumerable<string> AllHeaders(string name) =>
        headers.Where(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value);

    /// <summary>The URI inside a name-addr header value such as <c>"Bob" &lt;sip:b@h&gt;;tag=1</c>.</summary>
    public static string UriOf(string nameAddress)
    {
        var open = nameAddress.IndexOf('<', StringComparison.Ordinal);
        var close = nameAddress.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? nameAddress[(open + 1)..close] : nameAddress.Split(';')[0].Trim();
    }

    public static RawSipMessage Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 4)..];
        var lines = head.Split("\r\n");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            // RFC 3261 section 7.3.1: a line starting with white space continues the previous one.
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new RawSipMessage(text, lines[0], headers, body);
    }

    public override string ToString() => Text;
}
