using System.Globalization;
using DeskPhone.Media.Codecs;

namespace DeskPhone.Media.Sdp;

/// <summary>Maps SDP fmt tokens of an RTP/AVP stream to the codecs and events this phone handles.</summary>
internal static class SdpFormats
{
    /// <summary>The RTP/AVP profile (RFC 3551), the only transport the phone speaks: no SRTP yet.</summary>
    public const string RtpAvp = "RTP/AVP";

    /// <summary>Dynamic payload type the phone offers for RFC 4733 telephone-event at 8000 Hz.</summary>
    public const byte TelephoneEventPayloadType = 101;

    /// <summary>Dynamic payload type of telephone-event/48000, offered with Opus (RFC 4733 §2.1: events share the audio's clock).</summary>
    public const byte WidebandTelephoneEventPayloadType = 102;

    /// <summary>Dynamic payload type (RFC 3551 §3: 96-127) the phone offers for Opus.</summary>
    public const byte OpusPayloadType = 111;

    /// <summary>
    /// Opus parameters we send (RFC 7587 §6.1): in-band FEC wanted, and nothing above 16 kHz,
    /// the highest rate the phone's audio runs at, so the peer can save bits.
    /// </summary>
    private const string OpusParameters = "useinbandfec=1; maxplaybackrate=16000; sprop-maxcapturerate=16000";

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
    /// be those of RFC 3551 §4.5.2. Opus must be opus/48000/2 whatever it codes (RFC 7587 §7).
    /// </summary>
    public static AudioCodec? CodecOf(SdpMedia media, byte payloadType)
    {
        if (media.RtpMaps.TryGetValue(payloadType, out SdpRtpMap? map))
        {
            foreach (AudioCodec codec in Enum.GetValues<AudioCodec>())
            {
                if (map.EncodingName.Equals(EncodingName(codec), StringComparison.OrdinalIgnoreCase))
                {
                    bool opus = codec == AudioCodec.Opus;
                    return map.ClockRate == codec.RtpClockRate() && map.Channels == (opus ? 2 : 1) ? codec : null;
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

    /// <summary>
    /// The first telephone-event payload type at <paramref name="clockRate"/> (the audio codec's
    /// RTP clock, RFC 4733 §2.1) among the stream's formats (RFC 4733 §7).
    /// </summary>
    public static byte? FindTelephoneEvent(SdpMedia media, int clockRate)
    {
        foreach (string format in media.Formats)
        {
            if (TryGetPayloadType(format, out byte payloadType)
                && media.RtpMaps.TryGetValue(payloadType, out SdpRtpMap? map)
                && map.ClockRate == clockRate
                && map.EncodingName.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase))
            {
                return payloadType;
            }
        }

        return null;
    }

    /// <summary>The payload type we offer a codec on: its static one, or our dynamic choice for Opus.</summary>
    public static byte OfferedPayloadType(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => 0,
        AudioCodec.Pcma => 8,
        AudioCodec.G722 => 9,
        AudioCodec.Opus => OpusPayloadType,
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    public static string EncodingName(AudioCodec codec) => codec switch
    {
        AudioCodec.Pcmu => "PCMU",
        AudioCodec.Pcma => "PCMA",
        AudioCodec.G722 => "G722",
        AudioCodec.Opus => "opus",
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    /// <summary>The a=rtpmap value after the payload type (RFC 8866 §6.6): name, clock, and channels for Opus (RFC 7587 §7).</summary>
    public static string RtpMap(AudioCodec codec) => codec == AudioCodec.Opus
        ? $"{EncodingName(codec)}/{codec.RtpClockRate()}/2"
        : $"{EncodingName(codec)}/{codec.RtpClockRate()}";

    /// <summary>The a=fmtp parameters we send for a codec, if any.</summary>
    public static string? Parameters(AudioCodec codec) => codec == AudioCodec.Opus ? OpusParameters : null;
}
