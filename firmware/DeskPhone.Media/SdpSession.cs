using System.Net;
using System.Security.Cryptography;
using DeskPhone.Media.Codecs;
using DeskPhone.Media.Sdp;

namespace DeskPhone.Media;

/// <summary>
/// This phone's side of the SDP offer/answer exchanges (RFC 3264) of one call, for a single
/// audio stream. The SIP layer carries the SDP as opaque bytes; the phone layer hands them here.
/// Not thread-safe: use it from the phone-loop thread only.
/// </summary>
public sealed class SdpSession
{
    private readonly IPAddress _localAddress;
    private readonly int _localPort;
    private readonly AudioCodec[] _codecs;
    private readonly ulong _sessionId;
    private ulong _version;
    private MediaDirection? _pendingOfferDirection;

    /// <param name="localAddress">The address the peer should send RTP to (advertised in o= and c=).</param>
    /// <param name="localPort">The RTP port, normally <see cref="RtpStream.LocalPort"/>.</param>
    /// <param name="codecPreference">Our codecs, most preferred first; orders our offers and picks the codec of our answers.</param>
    public SdpSession(IPAddress localAddress, int localPort, IReadOnlyList<AudioCodec> codecPreference)
    {
        ArgumentNullException.ThrowIfNull(localAddress);
        ArgumentNullException.ThrowIfNull(codecPreference);
        if (SdpAddress.IsHold(localAddress))
        {
            throw new ArgumentException("An unspecified address cannot receive media.", nameof(localAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(localPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localPort, ushort.MaxValue);
        if (codecPreference.Count == 0
            || codecPreference.Distinct().Count() != codecPreference.Count
            || codecPreference.Any(codec => !Enum.IsDefined(codec)))
        {
            throw new ArgumentException("Need one or more distinct codecs.", nameof(codecPreference));
        }

        _localAddress = localAddress;
        _localPort = localPort;
        _codecs = [.. codecPreference];

        // RFC 8866 §5.2 only asks for a globally unique numeric id; 62 random bits keep it
        // within the signed 64-bit range that many implementations parse it into.
        _sessionId = (ulong)RandomNumberGenerator.GetInt32(int.MaxValue) << 31 | (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        _version = 1;
    }

    /// <summary>
    /// Builds an offer listing all our codecs and telephone-event, and remembers it until
    /// <see cref="ProcessAnswer"/>. Each SDP we send carries the next o= version (RFC 3264 §8).
    /// </summary>
    /// <param name="direction">sendrecv normally; sendonly to put the peer on hold (RFC 3264 §8.4).</param>
    public byte[] CreateOffer(MediaDirection direction = MediaDirection.SendRecv)
    {
        var codecs = _codecs.Select(codec => (SdpFormats.OfferedPayloadType(codec), codec)).ToArray();
        var events = new List<(byte, int)> { (SdpFormats.TelephoneEventPayloadType, SdpFormats.ClockRate) };
        if (_codecs.Contains(AudioCodec.Opus))
        {
            events.Add((SdpFormats.WidebandTelephoneEventPayloadType, AudioCodec.Opus.RtpClockRate()));
        }

        SdpWriter writer = NewWriter();
        writer.AddAudio(_localPort, codecs, events, direction);
        _pendingOfferDirection = direction;
        return writer.ToBytes();
    }

    /// <summary>Applies the peer's answer to our outstanding offer; the exchange is complete either way.</summary>
    public SdpNegotiationResult ProcessAnswer(ReadOnlySpan<byte> answerSdp)
    {
        if (_pendingOfferDirection is not MediaDirection offered)
        {
            return SdpNegotiationResult.Failed(SdpFailure.NoOfferPending);
        }

        _pendingOfferDirection = null;
        if (!SdpParser.TryParse(answerSdp, out SdpDescription? answer))
        {
            return SdpNegotiationResult.Failed(SdpFailure.Malformed);
        }

        // RFC 3264 §6: the answer has one m= line per offered one, in order; we offered one.
        if (answer.Media.Count == 0 || !IsAudioRtp(answer.Media[0]))
        {
            return SdpNegotiationResult.Failed(SdpFailure.NoAudioStream);
        }

        SdpMedia stream = answer.Media[0];
        if (stream.Port == 0)
        {
            return SdpNegotiationResult.Failed(SdpFailure.StreamRejected);
        }

        if (!SdpAddress.TryResolve(answer.ConnectionFor(stream), _localAddress.AddressFamily, out IPAddress remote))
        {
            return SdpNegotiationResult.Failed(SdpFailure.UnsupportedAddress);
        }

        // RFC 3264 §6.1/§7: the answerer lists what it will receive, most preferred first; we
        // send the first of those that we offered.
        (byte PayloadType, AudioCodec Codec)? chosen = null;
        foreach (string format in stream.Formats)
        {
            if (SdpFormats.TryGetPayloadType(format, out byte payloadType)
                && SdpFormats.CodecOf(stream, payloadType) is AudioCodec codec
                && _codecs.Contains(codec))
            {
                chosen = (payloadType, codec);
                break;
            }
        }

        if (chosen is not { } pick)
        {
            return SdpNegotiationResult.Failed(SdpFailure.NoCommonCodec);
        }

        MediaDirection answered = answer.DirectionOf(stream);
        MediaDirection ours = MediaDirections.From(
            sends: offered.Sends() && answered.Receives() && !SdpAddress.IsHold(remote),
            receives: offered.Receives() && answered.Sends());
        return SdpNegotiationResult.Success(new MediaNegotiation(
            new IPEndPoint(remote, stream.Port),
            pick.Codec,
            pick.PayloadType,
            SdpFormats.FindTelephoneEvent(stream, pick.Codec.RtpClockRate()),
            ours));
    }

    /// <summary>
    /// Answers the peer's offer: accepts its first usable audio stream with the first of our
    /// preferred codecs that it lists, under the offer's payload type number, and declines any
    /// other stream with port 0 (RFC 3264 §6).
    /// </summary>
    /// <param name="direction">What we want; narrowed to the mirror of the offered direction (RFC 3264 §6.1).</param>
    public SdpAnswerResult CreateAnswer(ReadOnlySpan<byte> offerSdp, MediaDirection direction = MediaDirection.SendRecv)
    {
        if (!SdpParser.TryParse(offerSdp, out SdpDescription? offer))
        {
            return SdpAnswerResult.Failed(SdpFailure.Malformed);
        }

        int streamIndex = -1;
        SdpFailure failure = SdpFailure.NoAudioStream;
        for (int i = 0; i < offer.Media.Count && streamIndex < 0; i++)
        {
            if (IsAudioRtp(offer.Media[i]))
            {
                if (offer.Media[i].Port == 0)
                {
                    failure = SdpFailure.StreamRejected;
                }
                else
                {
                    streamIndex = i;
                }
            }
        }

        if (streamIndex < 0)
        {
            return SdpAnswerResult.Failed(failure);
        }

        SdpMedia stream = offer.Media[streamIndex];
        if (!SdpAddress.TryResolve(offer.ConnectionFor(stream), _localAddress.AddressFamily, out IPAddress remote))
        {
            return SdpAnswerResult.Failed(SdpFailure.UnsupportedAddress);
        }

        if (ChooseCodec(stream) is not { } choice)
        {
            return SdpAnswerResult.Failed(SdpFailure.NoCommonCodec);
        }

        (byte payloadType, AudioCodec codec) = choice;

        byte? telephoneEvent = SdpFormats.FindTelephoneEvent(stream, codec.RtpClockRate());
        MediaDirection offered = offer.DirectionOf(stream);
        MediaDirection ours = MediaDirections.From(
            sends: direction.Sends() && offered.Receives() && !SdpAddress.IsHold(remote),
            receives: direction.Receives() && offered.Sends());

        SdpWriter writer = NewWriter();
        for (int i = 0; i < offer.Media.Count; i++)
        {
            if (i == streamIndex)
            {
                writer.AddAudio(_localPort, [(payloadType, codec)], telephoneEvent is byte events ? [(events, codec.RtpClockRate())] : [], ours);
            }
            else
            {
                writer.AddRejected(offer.Media[i]);
            }
        }

        return SdpAnswerResult.Success(
            new MediaNegotiation(new IPEndPoint(remote, stream.Port), codec, payloadType, telephoneEvent, ours),
            writer.ToBytes());
    }

    private (byte PayloadType, AudioCodec Codec)? ChooseCodec(SdpMedia offered)
    {
        foreach (AudioCodec preferred in _codecs)
        {
            foreach (string format in offered.Formats)
            {
                if (SdpFormats.TryGetPayloadType(format, out byte payloadType)
                    && SdpFormats.CodecOf(offered, payloadType) == preferred)
                {
                    return (payloadType, preferred);
                }
            }
        }

        return null;
    }

    private static bool IsAudioRtp(SdpMedia media) =>
        media.Media == "audio" && media.Protocol == SdpFormats.RtpAvp;

    private SdpWriter NewWriter() => new(_sessionId, _version++, _localAddress);
}
