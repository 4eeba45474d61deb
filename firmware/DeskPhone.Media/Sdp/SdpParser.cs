using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DeskPhone.Media.Sdp;

/// <summary>
/// Parses the subset of SDP (RFC 8866) that a one-stream audio call needs: c=, m= and the
/// rtpmap and direction attributes. Lines may end in CRLF or a bare LF (RFC 8866 §5 asks
/// parsers to accept both); other line types and unknown attributes are skipped.
/// </summary>
internal static class SdpParser
{
    public static bool TryParse(ReadOnlySpan<byte> sdp, [NotNullWhen(true)] out SdpDescription? description)
    {
        description = null;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(sdp);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var parsed = new SdpDescription();
        SdpMedia? current = null;
        bool sawVersion = false;
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty)
            {
                continue;
            }

            // §5: every line is <type>=<value> with a one-letter type.
            if (line.Length < 2 || line[1] != '=')
            {
                return false;
            }

            char type = line[0];
            ReadOnlySpan<char> value = line[2..];
            if (!sawVersion)
            {
                // §5.1: the description starts with v=0.
                if (type != 'v' || !value.SequenceEqual("0"))
                {
                    return false;
                }

                sawVersion = true;
                continue;
            }

            switch (type)
            {
                case 'c':
                    if (!TryParseConnection(value, out SdpConnection? connection))
                    {
                        return false;
                    }

                    if (current is null)
                    {
                        parsed.Connection = connection;
                    }
                    else
                    {
                        current.Connection = connection;
                    }

                    break;

                case 'm':
                    if (!TryParseMedia(value, out current))
                    {
                        return false;
                    }

                    parsed.Media.Add(current);
                    break;

                case 'a':
                    if (!TryApplyAttribute(value, parsed, current))
                    {
                        return false;
                    }

                    break;
            }
        }

        if (!sawVersion)
        {
            return false;
        }

        description = parsed;
        return true;
    }

    // §5.7: c=<nettype> <addrtype> <connection-address>, where a multicast address may carry
    // /ttl and /count suffixes that a unicast call ignores.
    private static bool TryParseConnection(ReadOnlySpan<char> value, [NotNullWhen(true)] out SdpConnection? connection)
    {
        connection = null;
        string[] fields = value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3 || fields[0] != "IN")
        {
            return false;
        }

        int slash = fields[2].IndexOf('/');
        connection = new SdpConnection(fields[1], slash < 0 ? fields[2] : fields[2][..slash]);
        return true;
    }

    // §5.14: m=<media> <port>[/<number of ports>] <proto> <fmt> ...
    private static bool TryParseMedia(ReadOnlySpan<char> value, [NotNullWhen(true)] out SdpMedia? media)
    {
        media = null;
        string[] fields = value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4)
        {
            return false;
        }

        string portField = fields[1];
        int slash = portField.IndexOf('/');
        if (!int.TryParse(slash < 0 ? portField : portField[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port > ushort.MaxValue)
        {
            return false;
        }

        media = new SdpMedia(fields[0], port, fields[2], fields[3..]);
        return true;
    }

    private static bool TryApplyAttribute(ReadOnlySpan<char> value, SdpDescription session, SdpMedia? media)
    {
        int colon = value.IndexOf(':');
        ReadOnlySpan<char> name = colon < 0 ? value : value[..colon];
        MediaDirection? direction = MediaDirections.FromAttribute(name);
        if (direction is not null)
        {
            if (media is null)
            {
                session.Direction = direction;
            }
            else
            {
                media.Direction = direction;
            }

            return true;
        }

        if (name.SequenceEqual("rtpmap") && media is not null)
        {
            return TryAddRtpMap(value[(colon + 1)..], media);
        }

        return true;
    }

    // §6.6: a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]
    private static bool TryAddRtpMap(ReadOnlySpan<char> value, SdpMedia media)
    {
        int space = value.IndexOf(' ');
        if (space < 0 || !int.TryParse(value[..space], NumberStyles.None, CultureInfo.InvariantCulture, out int payloadType))
        {
            return false;
        }

        string[] parts = value[(space + 1)..].Trim().ToString().Split('/');
        if (parts.Length is < 2 or > 3
            || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int clockRate))
        {
            return false;
        }

        int channels = 1;
        if (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out channels))
        {
            return false;
        }

        media.RtpMaps[payloadType] = new SdpRtpMap(parts[0], clockRate, channels);
        return true;
    }
}
