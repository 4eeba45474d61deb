using System.Runtime.InteropServices;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Owns one libopus encoder state (<c>opus_encoder_create</c>) and destroys it exactly once.
/// Nothing disposes it explicitly: the signalling loop replaces a stream's codec settings while
/// the audio thread may still be encoding one more frame with the old ones (a lock-free
/// hand-off), so the state is freed by the handle's critical finalizer once no thread can reach
/// it. Calls in flight hold a reference (the generated stubs AddRef and Release it), so it is
/// never freed under one.
/// </summary>
internal sealed class OpusEncoderHandle : SafeHandle
{
    /// <summary>For the marshaller, which fills in the pointer <c>opus_encoder_create</c> returns.</summary>
    public OpusEncoderHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        OpusNative.EncoderDestroy(handle);
        return true;
    }
}
