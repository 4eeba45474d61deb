using DeskPhone.Hal;
using DeskPhone.Media;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.Media;

/// <summary>
/// The real handset audio: one <see cref="AudioEngine"/> fed by the sound card, and one RTP stream
/// with its SDP session per call; the engine carries one stream at a time, the one on the handset.
/// The streams run at the engine's <see cref="AudioEngine.StreamFormat"/> (16 kHz on a 48 kHz
/// device, which the engine converts), not necessarily the sound card's.
/// THREAD: signalling loop.
/// </summary>
public sealed class RtpCallAudio(AudioEngine engine, RtpStreamOptions rtp, IReadOnlyList<AudioCodec> codecs, TimeProvider time, ILoggerFactory loggers) : ICallAudio
{
    private Session? onHandset;

    public void PlayTone(CallProgressTone tone) => engine.SetTone(tone);

    public void SetMuted(bool muted) => engine.SetMuted(muted);

    public void SetEarpieceVolume(int step) => engine.SetEarpieceVolume(step);

    public void PlayKeyTone(PhoneKey key) => engine.PlayKeyTone(key);

    public void PlayRemoteDigit(char digit) => engine.PlayRemoteDigit(digit);

    public IMediaSession OpenSession()
    {
        if (!RtpStream.TryOpen(rtp, engine.StreamFormat, time, loggers.CreateLogger<RtpStream>(), out var stream))
        {
            throw new InvalidOperationException($"No free RTP port between {rtp.FirstPort} and {rtp.LastPort}");
        }

        return new Session(this, stream, new SdpSession(rtp.LocalAddress, stream.LocalPort, codecs));
    }

    private void PutOnHandset(Session? session)
    {
        onHandset = session;
        engine.Attach(session?.Stream);
    }

    private sealed class Session(RtpCallAudio audio, RtpStream stream, SdpSession sdp) : IMediaSession
    {
        private MediaNegotiation? negotiation;

        public RtpStream Stream => stream;

        public MediaDirection Direction => negotiation?.Direction ?? MediaDirection.SendRecv;

        public ReadOnlyMemory<byte> CreateOffer(MediaDirection direction) => sdp.CreateOffer(direction);

        public bool TryAcceptOffer(ReadOnlyMemory<byte> offer, MediaDirection wanted, out ReadOnlyMemory<byte> answer, out string? failure)
        {
            var result = sdp.CreateAnswer(offer.Span, wanted);
            answer = result.AnswerSdp ?? ReadOnlyMemory<byte>.Empty;
            failure = result.IsSuccess ? null : result.Failure.ToString();
            if (result.IsSuccess)
            {
                negotiation = result.Negotiation;
            }

            return result.IsSuccess;
        }

        public bool TryAcceptAnswer(ReadOnlyMemory<byte> answer, out string? failure)
        {
            var result = sdp.ProcessAnswer(answer.Span);
            failure = result.IsSuccess ? null : result.Failure.ToString();
            if (result.IsSuccess)
            {
                negotiation = result.Negotiation;
            }

            return result.IsSuccess;
        }

        public void Connect()
        {
            stream.Start(negotiation ?? throw new InvalidOperationException("Connect before offer/answer completed"));
            audio.PutOnHandset(this);
        }

        public void Park()
        {
            if (audio.onHandset == this)
            {
                audio.PutOnHandset(null);
            }
        }

        public bool SendDigit(char digit) => stream.SendDigit(digit);

        public event Action<char>? DigitReceived
        {
            add => stream.DigitReceived += value;
            remove => stream.DigitReceived -= value;
        }

        public void Dispose()
        {
            Park();
            stream.Dispose();
        }
    }
}
