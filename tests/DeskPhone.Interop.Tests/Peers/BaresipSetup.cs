namespace DeskPhone.Interop.Tests.Peers;

/// <summary>Where one baresip instance lives and listens, decided before its files are written.</summary>
internal sealed record BaresipSetup(
    string ConfigDirectory,
    string ModuleDirectory,
    int SipPort,
    int ControlPort,
    int SourceSampleRate,
    int SourceChannels)
{
    /// <summary>Empty <c>audio_path</c>: with no ring/ringback/message WAVs baresip plays no alerts.</summary>
    public string SoundsDirectory => Path.Combine(ConfigDirectory, "sounds");

    /// <summary><c>snd_path</c>: where the sndfile filter writes each call's audio.</summary>
    public string RecordingDirectory => Path.Combine(ConfigDirectory, "recordings");
}
