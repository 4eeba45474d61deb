using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Hal.Simulator;

/// <summary>
/// A whole phone's hardware simulated on a PC. The firmware sees the HAL interfaces; front-ends
/// and tests drive and inspect the concrete devices through the extra properties.
/// </summary>
public sealed class SimulatedHardware : IPhoneHardware
{
    /// <param name="options">Must have passed <see cref="SimulatorOptions.Validate"/>.</param>
    /// <param name="timeProvider">Times waits on the display; the system clock by default.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (a host bug: validate first).</exception>
    public SimulatedHardware(SimulatorOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        Options = options;
        Screen = new SimulatedDisplay(options.Columns, options.Rows, timeProvider);
        Audio = AudioPipelineFactory.Create(options, loggerFactory ?? NullLoggerFactory.Instance);
    }

    public SimulatorOptions Options { get; }

    /// <summary>The cradle; the same object as <see cref="HookSwitch"/>.</summary>
    public SimulatedHookSwitch Hook { get; } = new();

    /// <summary>The keypad; the same object as <see cref="Keypad"/>.</summary>
    public SimulatedKeypad Keys { get; } = new();

    /// <summary>The LCD; the same object as <see cref="Display"/>.</summary>
    public SimulatedDisplay Screen { get; }

    public SimulatedAudioDevice Audio { get; }

    public SimulatedRinger Ringer { get; } = new();

    public SimulatedIndicators Indicators { get; } = new();

    public IHookSwitch HookSwitch => Hook;

    public IKeypad Keypad => Keys;

    public ICharacterDisplay Display => Screen;

    IAudioDevice IPhoneHardware.Audio => Audio;

    IRinger IPhoneHardware.Ringer => Ringer;

    IIndicators IPhoneHardware.Indicators => Indicators;

    /// <summary>Stops the audio thread and closes its sink (finishing a WAV file).</summary>
    public void Dispose() => Audio.Dispose();
}
