using DeskPhone.Media;

namespace DeskPhone.Phone;

/// <summary>The earpiece volume keys: 3 dB steps, shown for a moment on a call screen.</summary>
public sealed partial class PhoneController
{
    private int volume = AudioEngine.DefaultVolume;

    private void ChangeVolume(int by)
    {
        volume = Math.Clamp(volume + by, 1, AudioEngine.VolumeSteps);
        audio.SetEarpieceVolume(volume);
        if (current is not null && View.Mode is PhoneMode.Connected or PhoneMode.Calling or PhoneMode.RingingOut)
        {
            ShowCurrent(View.Texts.Volume(volume, AudioEngine.VolumeSteps));
        }
    }
}
