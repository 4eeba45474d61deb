namespace DeskPhone.Media.Rtp;

/// <summary>What <see cref="JitterBuffer.Pop"/> gives the audio thread for one playout period.</summary>
internal enum JitterPop
{
    /// <summary>Playout has not started yet (nothing received since the stream opened): play silence.</summary>
    Idle,

    /// <summary>The next frame's payload, in sequence order.</summary>
    Frame,

    /// <summary>The next frame is missing at its playout time while later ones are buffered: conceal it.</summary>
    Lost,

    /// <summary>
    /// The buffer ran dry: conceal, and wait for the target delay to fill again. The frame that
    /// was due keeps its place, so it still plays if it was merely late.
    /// </summary>
    Underrun,

    /// <summary>
    /// The buffer holds less than its target delay (the delay is growing, or the sender's clock
    /// runs slower than the sound card's): one concealment frame is played before the next frame,
    /// which stays buffered.
    /// </summary>
    Inserted,
}
