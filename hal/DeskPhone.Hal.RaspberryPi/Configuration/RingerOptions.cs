namespace DeskPhone.Hal.RaspberryPi;

/// <summary>The ringer ("Hal:Ringer").</summary>
public sealed class RingerOptions
{
    public RingerKind Kind { get; set; } = RingerKind.Buzzer;

    /// <summary>/sys/class/pwm/pwmchipN; with `dtoverlay=pwm,pin=12,func=4` GPIO 12 is chip 0 channel 0.</summary>
    public int PwmChip { get; set; }

    public int PwmChannel { get; set; }

    /// <summary>Tone of the buzzer or the speaker; piezo buzzers are loudest near their 2–4 kHz resonance.</summary>
    public int FrequencyHz { get; set; } = 2000;

    /// <summary>Buzzer drive, 1–100 %; 50 % is the loudest square wave.</summary>
    public int DutyCyclePercent { get; set; } = 50;

    /// <summary>The speaker's device when <see cref="Kind"/> is Alsa.</summary>
    public string AlsaDevice { get; set; } = "default";

    /// <summary>
    /// Ring, pause, ring, pause… in milliseconds, an even number of entries. Null means the Italian
    /// cadence, 1 s on and 4 s off.
    /// </summary>
    public int[]? CadenceMilliseconds { get; set; }

    internal IReadOnlyList<int> EffectiveCadence => CadenceMilliseconds ?? [1000, 4000];
}
