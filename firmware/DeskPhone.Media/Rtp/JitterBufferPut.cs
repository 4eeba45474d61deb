namespace DeskPhone.Media.Rtp;

/// <summary>What <see cref="JitterBuffer.Put"/> did with a packet.</summary>
internal enum JitterBufferPut
{
    Accepted,

    /// <summary>The same sequence number is already buffered.</summary>
    Duplicate,

    /// <summary>Its playout time has passed (it was concealed already).</summary>
    Late,

    /// <summary>Beyond the buffer's window; if the sender really jumped ahead, playout resyncs after the buffer drains.</summary>
    TooEarly,

    /// <summary>The slot still holds an older frame the audio thread has not released.</summary>
    SlotBusy,

    /// <summary>An empty payload, or one larger than a slot.</summary>
    WrongSize,
}
