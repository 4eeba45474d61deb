namespace DeskPhone.Hal;

/// <summary>The whole set of devices a phone is built from.</summary>
public interface IPhoneHardware : IDisposable
{
    IHookSwitch HookSwitch { get; }

    IKeypad Keypad { get; }

    ICharacterDisplay Display { get; }

    IAudioDevice Audio { get; }

    IRinger Ringer { get; }

    IIndicators Indicators { get; }
}
