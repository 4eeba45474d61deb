using DeskPhone.Media;

namespace DeskPhone.Phone.Media;

/// <summary>
/// The handset audio as the call logic sees it. Keeps the phone logic testable without sockets or a
/// sound card. THREAD: every member is called from the signalling loop.
/// </summary>
public interface ICallAudio
{
    void PlayTone(CallProgressTone tone);

    /// <summary>Prepares media for one call (binds an RTP port).</summary>
    IMediaSession OpenSession();
}

/// <summary>The media of one call: offer/answer over opaque SDP bytes, then streaming.</summary>
public interface IMediaSession : IDisposable
{
    ReadOnlyMemory<byte> CreateOffer();

    /// <summary>Answers a remote offer; false with a reason when nothing in it is acceptable (the call gets 488).</summary>
    bool TryAcceptOffer(ReadOnlyMemory<byte> offer, out ReadOnlyMemory<byte> answer, out string? failure);

    /// <summary>Applies the answer to our offer; false with a reason when it is unusable.</summary>
    bool TryAcceptAnswer(ReadOnlyMemory<byte> answer, out string? failure);

    /// <summary>Connects the stream to the handset: earpiece plays the far end, microphone goes out.</summary>
    void Connect();
}
