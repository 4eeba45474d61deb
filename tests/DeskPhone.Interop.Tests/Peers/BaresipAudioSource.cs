namespace DeskPhone.Interop.Tests.Peers;

/// <summary>What a <see cref="BaresipPeer"/> sends as its microphone signal.</summary>
internal abstract record BaresipAudioSource
{
    private BaresipAudioSource()
    {
    }

    /// <summary>
    /// A continuous sine tone from baresip's <c>ausine</c> module (10–20000 Hz). ausine only produces
    /// 48 kHz stereo, so the peer sets <c>ausrc_srate 48000</c> / <c>ausrc_channels 2</c> and baresip
    /// resamples to the codec's 8 kHz mono.
    /// </summary>
    public sealed record Sine(int FrequencyHz) : BaresipAudioSource;

    /// <summary>
    /// A 16-bit PCM WAV file played once by baresip's <c>aufile</c> module. When the file ends,
    /// baresip 1.0.0 hangs the call up itself (AUDIO_ERROR "end of file", then CALL_CLOSED with
    /// param "end of file"), so make the file longer than the call should last. aufile requires the
    /// file's rate and channel count to equal <c>ausrc_srate</c>/<c>ausrc_channels</c>, so the peer
    /// reads them from the file's header.
    /// </summary>
    public sealed record WavFile(string Path) : BaresipAudioSource;
}
