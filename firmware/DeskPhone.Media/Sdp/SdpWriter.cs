using System.Globalization;
using System.Net;
using System.Text;

namespace DeskPhone.Media.Sdp;

/// <summary>
/// Writes the SDP the phone sends: the session lines of RFC 8866 §5 in the order §5 requires,
/// then one media description per stream, every line ending in CRLF.
/// </summary>
internal sealed class SdpWriter
{
    private readonly StringBuilder _text = new();

    public SdpWriter(ulong sessionId, ulong version, IPAddress address)
    {
        string addressType = SdpAddress.AddressType(address);
        Line("v=0");

        // §5.2: "-" as user name when there is no notion of user IDs on the host.
        Line(string.Create(CultureInfo.InvariantCulture, $"o=- {sessionId} {version} IN {addressType} {address}"));
        Line("s=-");
        Line($"c=IN {addressType} {address}");

        // §5.9: t=0 0 is an unbounded, permanent session, as used for calls.
        Line("t=0 0");
    }

    /// <summary>
    /// An accepted audio stream listing <paramref name="codecs"/> in preference order, then the
    /// telephone-event payload types with their clock rates.
    /// </summary>
    public void AddAudio(
        int port,
        IReadOnlyList<(byte PayloadType, AudioCodec Codec)> codecs,
        IReadOnlyList<(byte PayloadType, int ClockRate)> telephoneEvents,
        MediaDirection direction)
    {
        var formats = new StringBuilder();
        foreach ((byte payloadType, _) in codecs)
        {
            formats.Append(CultureInfo.InvariantCulture, $" {payloadType}");
        }

        foreach ((byte payloadType, _) in telephoneEvents)
        {
            formats.Append(CultureInfo.InvariantCulture, $" {payloadType}");
        }

        Line(string.Create(CultureInfo.InvariantCulture, $"m=audio {port} {SdpFormats.RtpAvp}{formats}"));
        foreach ((byte payloadType, AudioCodec codec) in codecs)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"a=rtpmap:{payloadType} {SdpFormats.RtpMap(codec)}"));
            if (SdpFormats.Parameters(codec) is string parameters)
            {
                Line(string.Create(CultureInfo.InvariantCulture, $"a=fmtp:{payloadType} {parameters}"));
            }
        }

        foreach ((byte payloadType, int clockRate) in telephoneEvents)
        {
            // RFC 4733 §7.1.1: events 0-15 are the DTMF digits, * and #, and A-D.
            Line(string.Create(CultureInfo.InvariantCulture, $"a=rtpmap:{payloadType} telephone-event/{clockRate}"));
            Line(string.Create(CultureInfo.InvariantCulture, $"a=fmtp:{payloadType} 0-15"));
        }

        // The audio path is built around 20 ms frames (RFC 3551 §4.5 default for G.711).
        Line("a=ptime:20");
        Line($"a={direction.ToAttribute()}");
    }

    /// <summary>A declined stream of an offer: same media and formats, port 0 (RFC 3264 §6).</summary>
    public void AddRejected(SdpMedia offered)
    {
        Line($"m={offered.Media} 0 {offered.Protocol} {string.Join(' ', offered.Formats)}");
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_text.ToString());

    private void Line(string line) => _text.Append(line).Append("\r\n");
}
