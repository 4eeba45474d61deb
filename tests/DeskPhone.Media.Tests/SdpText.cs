using System.Text;

namespace DeskPhone.Media.Tests;

/// <summary>Helpers to write and read SDP in tests.</summary>
internal static class SdpText
{
    /// <summary>Joins lines with CRLF (or <paramref name="newline"/>) into SDP bytes.</summary>
    public static byte[] Bytes(string newline, params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Join(newline, lines) + newline);

    public static byte[] Crlf(params string[] lines) => Bytes("\r\n", lines);

    public static string[] Lines(byte[] sdp)
    {
        string text = Encoding.UTF8.GetString(sdp);
        Assert.EndsWith("\r\n", text);
        string[] lines = text[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.DoesNotContain("\n", line));
        return lines;
    }

    /// <summary>The value of the first line with this type letter.</summary>
    public static string Value(byte[] sdp, char type) =>
        Lines(sdp).First(line => line[0] == type)[2..];

    /// <summary>A typical single-audio-stream offer from 192.0.2.10:49170.</summary>
    public static byte[] Offer(string formats, string direction = "sendrecv", params string[] attributes) => Crlf(
        [
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 192.0.2.10",
            "s=-",
            "c=IN IP4 192.0.2.10",
            "t=0 0",
            $"m=audio 49170 RTP/AVP {formats}",
            .. attributes,
            $"a={direction}",
        ]);
}
