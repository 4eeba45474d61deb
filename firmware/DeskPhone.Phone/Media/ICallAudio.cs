using DeskPhone.Hal;
using DeskPhone.Media;

namespace DeskPhone.Phone.Media;

/// <summary>
/// The handset audio as the call logic sees it. Keeps the phone logic testable without sockets or a
/// sound card. THREAD: every member is called from the signalling loop.
/// </summary>
public interface ICallAudio
{
    void PlayTone(CallProgressTone tone);

    /// <summary>Silences the microphone towards every call (the earpiece keeps playing).</summary>
    void SetMuted(bool muted);

    /// <summary>The earpiece volume step, 1 to <see cref="AudioEngine.VolumeSteps"/>.</summary>
    void SetEarpieceVolume(int step);

    /// <summary>A short feedback tone in the earpiece for a pressed key.</summary>
    void PlayKeyTone(PhoneKey key);

    /// <summary>Plays in the earpiece a key the far end pressed ('0'-'9', '*', '#', 'A'-'D').</summary>
    void PlayRemoteDigit(char digit);

    /// <summary>Prepares media for one call (binds an RTP port).</summary>
    IMediaSession OpenSession();
}

/// <summary>
/// The media of one call: offer/answer over opaque SDP bytes, then streaming. Several sessions may
/// exist (a held call and a consultation call); one at a time is on the handset.
/// </summary>
public interface IMediaSession : IDisposable
{
    /// <summary>
    /// Our direction as last negotiated (RFC 3264 §6.1): sendrecv in a normal call; recvonly or
    /// inactive when the peer holds us; sendonly or inactive while we hold the peer.
    /// </summary>
    MediaDirection Direction { get; }

    /// <param name="direction">sendrecv normally; sendonly (or inactive when the peer holds us too) to hold the peer (RFC 3264 §8.4).</param>
    ReadOnlyMemory<byte> CreateOffer(MediaDirection direction = MediaDirection.SendRecv);

    /// <summary>Answers a remote offer; false with a reason when nothing in it is acceptable (the call gets 488).</summary>
    /// <param name="wanted">What we want: sendrecv, or sendonly while we hold the peer; narrowed to mirror the offer.</param>
    bool TryAcceptOffer(ReadOnlyMemory<byte> offer, MediaDirection wanted, out ReadOnlyMemory<byte> answer, out string? failure);

    /// <summary>Applies the answer to our offer; false with a reason when it is unusable.</summary>
    bool TryAcceptAnswer(ReadOnlyMemory<byte> answer, out string? failure);

    /// <summary>
    /// Streams as last negotiated and puts the call on the handset: earpiece plays the far end,
    /// microphone goes out. Called again after each new negotiation to apply it.
    /// </summary>
    void Connect();

    /// <summary>Takes the call off the handset (held, or waiting behind another call); the stream keeps its negotiated state.</summary>
    void Park();

    /// <summary>Sends a keypad digit to the far end as an RFC 4733 telephone-event; false when the peer offered none.</summary>
    bool SendDigit(char digit);

    /// <summary>
    /// The far end pressed a key, sent as an RFC 4733 telephone-event (once per press). THREAD: the
    /// media's receive thread, not the signalling loop: handlers only post the digit to the loop.
    /// </summary>
    event Action<char>? DigitReceived;
}
