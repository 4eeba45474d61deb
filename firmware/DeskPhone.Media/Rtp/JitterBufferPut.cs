namespace DeskPhone.Media.Rtp;

/// <summary>What <see cref="JitterBuffer.Put"/> did with a frame.</summary>
internal enum JitterBufferPut
{
    Accepted,

    /// <summary>The same sequence number is already buffered.</summary>
    Duplicate,

    /// <summary>Its playout time has passed.</summary>
    Late,

    /// <summary>Beyond the buffer's window; if the sender really jumped ahead, playout resyncs after the buffer drains.</summary>
    TooEarly,

    /// <summary>The slot still holds an older frame the audio thread has not released.</summary>
    SlotBusy,

    /// <summary>Not one 20 ms frame: the phone offers ptime 20 and handles only that.</summary>
    WrongSize,
}
