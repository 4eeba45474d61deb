using System.Runtime.InteropServices;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Owns one libopus decoder state (<c>opus_decoder_create</c>) and destroys it exactly once,
/// from its critical finalizer, for the reason <see cref="OpusEncoderHandle"/> gives.
/// </summary>
internal sealed class OpusDecoderHandle : SafeHandle
{
    /// <summary>For the marshaller, which fills in the pointer <c>opus_decoder_create</c> returns.</summary>
    public OpusDecoderHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        OpusNative.DecoderDestroy(handle);
        return true;
    }
}
