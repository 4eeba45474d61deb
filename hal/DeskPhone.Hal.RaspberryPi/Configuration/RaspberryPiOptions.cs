using System.Globalization;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Pin maps and devices of the Raspberry Pi phone. The host binds them from its "Hal" section, so
/// the keys read "Hal:Keypad:RowPins"; the class is not sealed because the host's Hal options
/// extend it with the choice of HAL.
/// </summary>
public class RaspberryPiOptions
{
    /// <summary>GPIO 2 and 3 are the I²C bus of the LCD on every Pi since the B+.</summary>
    private static readonly IReadOnlyDictionary<int, string> ReservedPins = new Dictionary<int, string>
    {
        [2] = "the I2C bus's SDA",
        [3] = "the I2C bus's SCL",
    };

    public GpioOptions Gpio { get; set; } = new();

    public HookSwitchOptions Hook { get; set; } = new();

    public KeypadOptions Keypad { get; set; } = new();

    public DisplayOptions Display { get; set; } = new();

    public AudioOptions Audio { get; set; } = new();

    public RingerOptions Ringer { get; set; } = new();

    public LedOptions Leds { get; set; } = new();

    /// <summary>
    /// Every problem with these options, each starting with the configuration key it is about
    /// ("Hal:Keypad:RowPins: must have 6 entries (one per row of Hal:Keypad:Keys), got 4"); empty
    /// when they are usable. Checks only the values: whether the devices exist is found out when
    /// they are opened.
    /// </summary>
    /// <param name="section">The section the options were bound from.</param>
    public IReadOnlyList<string> Validate(string section = "Hal")
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok)
            {
                errors.Add($"{section}:{key}: {problem}");
            }
        }

        Check(Gpio.Chip is null or (>= 0 and <= 15), "Gpio:Chip", $"must be 0–15 or absent, is {Gpio.Chip}");
        ValidateHook(Check);
        ValidateKeypad(section, errors, Check);
        ValidateDisplay(Check);
        ValidateAudio(Check);
        ValidateRinger(Check);
        ValidateLeds(Check);
        ValidatePinsAreDistinct(section, Check);
        return errors;
    }

    /// <summary>The 7-bit I²C address of the display, or null when <see cref="DisplayOptions.Address"/> is not a number.</summary>
    internal int? DisplayAddress => ParseAddress(Display.Address);

    internal static int? ParseAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return int.TryParse(
            hex ? text.AsSpan(2) : text.AsSpan(),
            hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
            CultureInfo.InvariantCulture,
            out int address) ? address : null;
    }

    private static bool IsHeaderPin(int pin) => pin is >= 0 and <= 27;

    private void ValidateHook(Action<bool, string, string> check)
    {
        check(IsHeaderPin(Hook.Pin), "Hook:Pin", $"must be a BCM GPIO number 0–27, is {Hook.Pin}");
        check(Enum.IsDefined(Hook.OffHookLevel), "Hook:OffHookLevel", $"must be Low or High, is {Hook.OffHookLevel}");
        check(Enum.IsDefined(Hook.Pull), "Hook:Pull", $"must be None, Up or Down, is {Hook.Pull}");
        check(Hook.DebounceMilliseconds is >= 1 and <= 500, "Hook:DebounceMilliseconds", $"must be 1–500, is {Hook.DebounceMilliseconds}");
    }

    private void ValidateKeypad(string section, List<string> errors, Action<bool, string, string> check)
    {
        var layout = KeyLayout.Parse(Keypad.EffectiveKeys, $"{section}:Keypad:Keys", errors);
        if (layout is not null)
        {
            int rows = Keypad.EffectiveRowPins.Count;
            int columns = Keypad.EffectiveColumnPins.Count;
            check(rows == layout.Rows, "Keypad:RowPins", $"must have {layout.Rows} entries (one per row of {section}:Keypad:Keys), got {rows}");
            check(columns == layout.Columns, "Keypad:ColumnPins", $"must have {layout.Columns} entries (one per key of a row of {section}:Keypad:Keys), got {columns}");
        }

        foreach (int pin in Keypad.EffectiveRowPins)
        {
            check(IsHeaderPin(pin), "Keypad:RowPins", $"{pin} is not a BCM GPIO number 0–27");
        }

        foreach (int pin in Keypad.EffectiveColumnPins)
        {
            check(IsHeaderPin(pin), "Keypad:ColumnPins", $"{pin} is not a BCM GPIO number 0–27");
        }

        check(Keypad.ScanIntervalMilliseconds is >= 1 and <= 50, "Keypad:ScanIntervalMilliseconds", $"must be 1–50, is {Keypad.ScanIntervalMilliseconds}");
        check(Keypad.DebounceMilliseconds is >= 0 and <= 200, "Keypad:DebounceMilliseconds", $"must be 0–200, is {Keypad.DebounceMilliseconds}");
        check(
            Keypad.LongPressMilliseconds > Keypad.DebounceMilliseconds && Keypad.LongPressMilliseconds <= 10000,
            "Keypad:LongPressMilliseconds",
            $"must be above Keypad:DebounceMilliseconds ({Keypad.DebounceMilliseconds}) and at most 10000, is {Keypad.LongPressMilliseconds}");
        check(Keypad.SettleMicroseconds is >= 0 and <= 1000, "Keypad:SettleMicroseconds", $"must be 0–1000, is {Keypad.SettleMicroseconds}");
    }

    private void ValidateDisplay(Action<bool, string, string> check)
    {
        check(Display.I2cBus is >= 0 and <= 31, "Display:I2cBus", $"must be 0–31, is {Display.I2cBus}");
        check(
            DisplayAddress is (>= 0x20 and <= 0x27) or (>= 0x38 and <= 0x3F),
            "Display:Address",
            $"must be a PCF8574 address, 0x20–0x27 or 0x38–0x3F (e.g. \"0x27\"), is '{Display.Address}'");
        check(Enum.IsDefined(Display.Rom), "Display:Rom", $"must be A00 or A02, is {Display.Rom}");
    }

    private void ValidateAudio(Action<bool, string, string> check)
    {
        check(!string.IsNullOrWhiteSpace(Audio.CaptureDevice), "Audio:CaptureDevice", "required (an ALSA PCM name, see arecord -L)");
        check(!string.IsNullOrWhiteSpace(Audio.PlaybackDevice), "Audio:PlaybackDevice", "required (an ALSA PCM name, see aplay -L)");
        check(Audio.SampleRate is 8000 or 16000 or 48000, "Audio:SampleRate", $"must be 8000, 16000 or 48000 (the media engine's device rates), is {Audio.SampleRate}");
        check(Audio.FrameMilliseconds == 20, "Audio:FrameMilliseconds", $"must be 20 (the media engine's frame), is {Audio.FrameMilliseconds}");
        check(
            Audio.PeriodMilliseconds >= 1 && Audio.PeriodMilliseconds <= Audio.FrameMilliseconds && Audio.FrameMilliseconds % Audio.PeriodMilliseconds == 0,
            "Audio:PeriodMilliseconds",
            $"must divide Audio:FrameMilliseconds ({Audio.FrameMilliseconds}) into whole periods, is {Audio.PeriodMilliseconds}");
        check(
            (long)Audio.SampleRate * Audio.PeriodMilliseconds % 1000 == 0,
            "Audio:PeriodMilliseconds",
            $"{Audio.PeriodMilliseconds} ms is not a whole number of samples at {Audio.SampleRate} Hz");
        check(
            Audio.BufferPeriods is >= 2 and <= 32 && Audio.BufferPeriods * Audio.PeriodMilliseconds >= Audio.FrameMilliseconds + Audio.PeriodMilliseconds,
            "Audio:BufferPeriods",
            $"must be 2–32 and hold a frame plus a period ({Audio.FrameMilliseconds + Audio.PeriodMilliseconds} ms), is {Audio.BufferPeriods}");
        check(Audio.RealtimePriority is >= 0 and <= 99, "Audio:RealtimePriority", $"must be 0 (off) or 1–99, is {Audio.RealtimePriority}");
    }

    private void ValidateRinger(Action<bool, string, string> check)
    {
        check(Enum.IsDefined(Ringer.Kind), "Ringer:Kind", $"must be Buzzer, Alsa or None, is {Ringer.Kind}");
        if (Ringer.Kind == RingerKind.Buzzer)
        {
            check(Ringer.PwmChip is >= 0 and <= 15, "Ringer:PwmChip", $"must be 0–15, is {Ringer.PwmChip}");
            check(Ringer.PwmChannel is >= 0 and <= 3, "Ringer:PwmChannel", $"must be 0–3, is {Ringer.PwmChannel}");
            check(Ringer.FrequencyHz is >= 100 and <= 20000, "Ringer:FrequencyHz", $"must be 100–20000, is {Ringer.FrequencyHz}");
            check(Ringer.DutyCyclePercent is >= 1 and <= 100, "Ringer:DutyCyclePercent", $"must be 1–100, is {Ringer.DutyCyclePercent}");
        }

        if (Ringer.Kind == RingerKind.Alsa)
        {
            check(!string.IsNullOrWhiteSpace(Ringer.AlsaDevice), "Ringer:AlsaDevice", "required when Ringer:Kind is Alsa");
            check(
                Ringer.FrequencyHz >= 100 && Ringer.FrequencyHz < SpeakerRinger.SampleRate / 2,
                "Ringer:FrequencyHz",
                $"must be 100–{(SpeakerRinger.SampleRate / 2) - 1} for a speaker, is {Ringer.FrequencyHz}");
        }

        var cadence = Ringer.EffectiveCadence;
        check(
            cadence.Count >= 2 && cadence.Count % 2 == 0 && cadence.All(ms => ms is >= 50 and <= 60000),
            "Ringer:CadenceMilliseconds",
            $"must be an even number of durations (on, off, …) of 50–60000 ms, is [{string.Join(", ", cadence)}]");
    }

    private void ValidateLeds(Action<bool, string, string> check)
    {
        check(IsHeaderPin(Leds.MessageWaitingPin), "Leds:MessageWaitingPin", $"must be a BCM GPIO number 0–27, is {Leds.MessageWaitingPin}");
        check(IsHeaderPin(Leds.LinePin), "Leds:LinePin", $"must be a BCM GPIO number 0–27, is {Leds.LinePin}");
        check(Leds.BlinkMilliseconds is >= 50 and <= 5000, "Leds:BlinkMilliseconds", $"must be 50–5000, is {Leds.BlinkMilliseconds}");
    }

    private void ValidatePinsAreDistinct(string section, Action<bool, string, string> check)
    {
        var owners = new Dictionary<int, string>(ReservedPins);
        void Claim(int pin, string key)
        {
            if (owners.TryGetValue(pin, out string? owner))
            {
                check(false, key, $"GPIO {pin} is already {owner}");
            }
            else
            {
                owners[pin] = $"{section}:{key}";
            }
        }

        Claim(Hook.Pin, "Hook:Pin");
        foreach (int pin in Keypad.EffectiveRowPins)
        {
            Claim(pin, "Keypad:RowPins");
        }

        foreach (int pin in Keypad.EffectiveColumnPins)
        {
            Claim(pin, "Keypad:ColumnPins");
        }

        Claim(Leds.MessageWaitingPin, "Leds:MessageWaitingPin");
        Claim(Leds.LinePin, "Leds:LinePin");
    }
}
