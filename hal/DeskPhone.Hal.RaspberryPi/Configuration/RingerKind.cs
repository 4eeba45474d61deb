namespace DeskPhone.Hal.RaspberryPi;

/// <summary>What makes the phone ring.</summary>
public enum RingerKind
{
    /// <summary>A piezo buzzer on a hardware PWM pin.</summary>
    Buzzer,

    /// <summary>A speaker on its own ALSA playback device.</summary>
    Alsa,

    /// <summary>No ringer: only the screen and the line LED show a call.</summary>
    None,
}
