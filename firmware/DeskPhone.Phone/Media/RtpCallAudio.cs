using System.Net;
using DeskPhone.Hal;
using DeskPhone.Media;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Media;

/// <summary>
/// The real handset audio: one <see cref="AudioEngine"/> fed by the sound card, and one RTP stream
/// with its SDP session per call. THREAD: signalling loop.
/// </summary>
public sealed class RtpCallAudio(AudioEngine engine, AudioFormat format, RtpStreamOptions rtp, IReadOnlyList<AudioCodec> codecs, TimeProvider time, ILoggerFactory loggers) : ICallAudio
{
    public void PlayTone(CallProgressTone tone) => engine.SetTone(tone);

    public IMediaSession OpenSession()
    {
        if (!RtpStream.TryOpen(rtp, format, time, loggers.CreateLogger<RtpStream>(), out var stream))
        {
            throw new InvalidOperationException($"No free RTP port between {rtp.FirstPort} and {rtp.LastPort}");
        }

        return new Session(engine, stream, new SdpSession(rtp.LocalAddress, stream.LocalPort, codecs));
    }

    private sealed class Session(AudioEngine engine, RtpStream stream, SdpSession sdp) : IMediaSession
    {
        private MediaNegotiation? negotiation;

        public ReadOnlyMemory<byte> CreateOffer() => sdp.CreateOffer();

        public bool TryAcceptOffer(ReadOnlyMemory<byte> offer, out ReadOnlyMemory<byte> answer, out string? failure)
        {
            var result = sdp.CreateAnswer(offer.Span);
            negotiation = result.Negotiation;
            answer = result.AnswerSdp ?? ReadOnlyMemory<byte>.Empty;
            failure = result.IsSuccess ? null : result.Failure.ToString();
            return result.IsSuccess;
        }

        public bool TryAcceptAnswer(ReadOnlyMemory<byte> answer, out string? failure)
        {
            var result = sdp.ProcessAnswer(answer.Span);
            negotiation = result.Negotiation;
            failure = result.IsSuccess ? null : result.Failure.ToString();
            return result.IsSuccess;
        }

        public void Connect()
        {
            stream.Start(negotiation ?? throw new InvalidOperationException("Connect before offer/answer completed"));
            engine.Attach(stream);
        }

        public void Dispose()
        {
            engine.Attach(null);
            stream.Dispose();
        }
    }
}
