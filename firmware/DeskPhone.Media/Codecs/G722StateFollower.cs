using DeskPhone.Hal;
using DeskPhone.Media.Resampling;

namespace DeskPhone.Media.Codecs;

/// <summary>
/// Keeps a <see cref="G722Decoder"/>'s adaptive state in step with the concealment of lost
/// frames, which is made at the audio device's rate: on a 16 kHz device the concealed audio goes
/// to <see cref="G722Decoder.Follow"/> as it is; on an 8 kHz device it is upsampled first, and
/// the decoder's output meanwhile becomes the history of the downsampler after it, so that
/// filter too resumes from the followed audio rather than from before the loss.
/// <para>
/// Alignment. The decoded audio lags the far encoder's input by the codec's filters: 22 samples
/// at 16 kHz for the two QMFs; on an 8 kHz device 67, with the downsampler after the decoder and
/// the upsampler here, made 68 by delaying the upsampled audio one sample more, so that the lag
/// is a whole number of sub-band samples (half of one off costs a 1 kHz tone about 9 dB in the
/// first 5 ms after a loss). The decoder is in step with the encoder up to the last frame it
/// decoded, so the first <see cref="Lookahead"/> device samples of the concealment repeat what it
/// has already been through: they only fill the transmit QMF. At the other end the codes of the
/// next frame start that much after the concealment's end, so the caller follows
/// <see cref="Lookahead"/> samples of the concealment's continuation first
/// (<see cref="PacketLossConcealer.Continue"/>). With both, following the audio that was really
/// sent brings a 16 kHz decoder within about -55 dB of the encoder on a tone; without the
/// look-ahead, a 440 Hz tone after one lost frame decodes about 20 dB worse in its first 5 ms.
/// </para>
/// <para>
/// Only a frame that is really lost may be followed: after an underrun whose frame merely came
/// late, or a concealment frame inserted to grow the delay, the next frame continues straight
/// on from the last one decoded, so the state from before the concealment is kept aside and
/// <see cref="Forget"/> goes back to it.
/// </para>
/// One per frame decoder; audio thread only.
/// </summary>
internal sealed class G722StateFollower
{
    /// <summary>The decoded audio lags the encoder's input by 22 samples at 16 kHz (analysis and synthesis QMF).</summary>
    private const int QmfDelay = 22;

    // Played audio kept to fill the transmit QMF (and on an 8 kHz device the upsampler, whose
    // filter reaches 23 samples back, so that its output is clear of its old history); and, on
    // an 8 kHz device, the decoder's last output while following: more than the downsampler's 46 taps.
    private const int HistorySamples = 2 * G722Decoder.AnalysisTaps;

    private readonly G722Decoder _decoder;
    private readonly G722Decoder _beforeConcealment = new();
    private readonly Upsampler? _upsampler;
    private readonly Downsampler? _downsampler;
    private readonly short[] _played = new short[HistorySamples];
    private readonly short[] _wideband = [];
    private readonly short[] _decoded = [];
    private readonly short[] _decodedTail = [];
    private readonly short[] _discarded = [];
    private short _delayed;
    private int _repeated;
    private bool _following;

    /// <param name="decoder">The frame decoder's G.722 decoder.</param>
    /// <param name="device">The audio device's format: 8 or 16 kHz.</param>
    /// <param name="downsampler">The frame decoder's downsampler after the decoder, on an 8 kHz device.</param>
    public G722StateFollower(G722Decoder decoder, AudioFormat device, Downsampler? downsampler)
    {
        _decoder = decoder;
        if (device.SampleRate == 16000)
        {
            Lookahead = QmfDelay;
            return;
        }

        ArgumentNullException.ThrowIfNull(downsampler);
        _downsampler = downsampler;
        _upsampler = new Upsampler(device.FrameSamples);
        _wideband = new short[(2 * device.FrameSamples) + 1];
        _decoded = new short[2 * device.FrameSamples];
        _decodedTail = new short[HistorySamples];
        _discarded = new short[HistorySamples / 2];

        // At 16 kHz: QMFs 22, downsampler 22, upsampler 23, one more sample: 68; at 8 kHz 34.
        Lookahead = (QmfDelay + (HalfBandFilter.CentreDelay - 1) + HalfBandFilter.CentreDelay + 1) / 2;
    }

    /// <summary>Device samples of the concealment's continuation to follow before the next frame is decoded.</summary>
    public int Lookahead { get; }

    /// <summary>
    /// Just before a frame is decoded: on an 8 kHz device, after following, the downsampler
    /// takes the decoder's last output as its history. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Decoding()
    {
        if (_following && _downsampler is not null)
        {
            _downsampler.Process(_decodedTail, _discarded);
        }
    }

    /// <summary>Takes the decoded device frame: following, if any, is over. REAL-TIME: no allocation, no lock, no logging.</summary>
    public void Decoded(ReadOnlySpan<short> frame)
    {
        _following = false;
        KeepLast(frame, _played);
    }

    /// <summary>
    /// Returns the decoder to its state before the concealment it has followed since the last
    /// decoded frame, if any. REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Forget()
    {
        if (_following)
        {
            _decoder.CopyStateFrom(_beforeConcealment);
            _following = false;
        }
    }

    /// <summary>
    /// Follows concealed audio at the device's rate (a frame, or the look-ahead; at most a frame).
    /// REAL-TIME: no allocation, no lock, no logging.
    /// </summary>
    public void Follow(ReadOnlySpan<short> concealed)
    {
        if (!_following)
        {
            _beforeConcealment.CopyStateFrom(_decoder);
            _decoder.PrimeFollowing(Wideband(_played));
            _repeated = _upsampler is null ? Lookahead : 2 * Lookahead;
            _following = true;
        }

        ReadOnlySpan<short> wideband = Wideband(concealed);
        int repeated = Math.Min(_repeated, wideband.Length);
        _repeated -= repeated;
        _decoder.PrimeFollowing(wideband[..repeated]);
        if (_upsampler is null)
        {
            _decoder.Follow(wideband[repeated..], default);
            return;
        }

        Span<short> decoded = _decoded.AsSpan(repeated, wideband.Length - repeated);
        _decoder.Follow(wideband[repeated..], decoded);
        KeepLast(decoded, _decodedTail);
    }

    /// <summary>Keeps the last samples of <paramref name="audio"/> in <paramref name="tail"/>, oldest first.</summary>
    private static void KeepLast(ReadOnlySpan<short> audio, short[] tail)
    {
        if (audio.Length >= tail.Length)
        {
            audio[^tail.Length..].CopyTo(tail);
            return;
        }

        tail.AsSpan(audio.Length).CopyTo(tail);
        audio.CopyTo(tail.AsSpan(tail.Length - audio.Length));
    }

    /// <summary>
    /// Device audio at 16 kHz: as it is on a 16 kHz device; on an 8 kHz device upsampled and
    /// delayed one 16 kHz sample more than the upsampler does.
    /// </summary>
    private ReadOnlySpan<short> Wideband(ReadOnlySpan<short> device)
    {
        if (_upsampler is null)
        {
            return device;
        }

        int length = 2 * device.Length;
        _upsampler.Process(device, _wideband.AsSpan(1, length));
        _wideband[0] = _delayed;
        _delayed = _wideband[length];
        return _wideband.AsSpan(0, length);
    }
}
