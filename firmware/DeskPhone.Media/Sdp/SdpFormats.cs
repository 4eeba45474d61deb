using System.Globalization;

namespace DeskPhone.Media.Sdp;

/// <summary>Maps SDP fmt tokens of an RTP/AVP stream to the codecs and events this phone handles.</summary>
internal static class SdpFormats
{
    /// <summary>The RTP/AVP profile (RFC 3551), the only transport the phone speaks: no SRTP yet.</summary>
    public const string RtpAvp = "RTP/AVP";

    /// <summary>Dynamic payload type the phone offers for RFC 4733 telephone-event.</summary>
    public const byte TelephoneEventPayloadType = 101;

    /// <summary>
    /// The RTP clock rate of everything the phone offers: G.711, telephone-event, and G.722,
    /// whose SDP rate is 8000 although it samples at 16 kHz (RFC 3551 §4.5.2).
    /// </summary>
    public const int ClockRate = 8000;

    private const string TelephoneEvent = "telephone-event";

    public static bool TryGetPayloadType(string format, out byte payloadType)
    {
        payloadType = 0;
        if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 127)
        {
            return false;
        }

        payloadType = (byte)value;
        return true;
    }

    /// <summary>
    /// The codec a payload type carries: its a=rtpmap when present (encoding names are
    /// case-insensitive, RFC 4855 §3), else the static assignment of RFC 3551 table 4. A clock
    /// rate other than 8000 is refused, G722/16000 included: such a peer's timestamps would not
    /// be those of RFC 3551 §4.5.2.
    /// </summary>
    public static AudioCodec? CodecOf(SdpMedia media, byte payloadType)
    {
        if (media.RtpMaps.TryGetValue(payloadType, out SdpRtpMap? map))
        {
            if (map.ClockRate != ClockRate || map.Channels != 1)
            {
                return null;
            }

            foreach (AudioCodec codec in Enum.GetValues<AudioCodec>())
            {
                if (map.EncodingName.Equals(EncodingName(codec), StringComparison.OrdinalIgnoreCase))
                {
                    return codec;
                }
            }

            return null;
        }

        return payloadType switch
        {
            0 => AudioCodec.Pcmu,
            8 => AudioCodec.Pcma,
            9 => AudioCodec.G722,
            _ => null,
        };
    }

    /// <summary>The first telephone-event/8000 payload type among the stream's formats (RFC 4733 §7).</summary>
    public static byte? FindTelephoneEvent(SdpMedia media)
    {
        foreach (string format in media.Formats)
        {
            if (TryGetPayloadType(format, out byte payloadType)
                && media.RtpMaps.TryGetValue(payloadType, out SdpRtpMap? map)
                && map.ClockRate == ClockRate
                && map.EncodingName.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase))
            {
                return payloadType;
            }
        }

        return null;
    }

    public static byte StaticPayloadType(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => 0,
        AudioCodec.Pcma => 8,
        AudioCodec.G722 => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    public static string EncodingName(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => "PCMU",
        AudioCodec.Pcma => "PCMA",
        AudioCodec.G722 => "G722",
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };
}
