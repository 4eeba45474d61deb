using System.Globalization;
using DeskPhone.Configuration;
using DeskPhone.Hal.Simulator;
using DeskPhone.Hosting;
using DeskPhone.Interop.Tests.Lab;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Interop.Tests.Phone;

/// <summary>
/// Our phone, in process, registered to the lab PBX: the real runtime (UDP, RTP, audio clock) with
/// the simulator, a 1 kHz microphone tone and an in-memory earpiece recorder. Its log is kept.
/// </summary>
internal sealed class LabPhone : IAsyncDisposable
{
    public const int MicrophoneToneHz = 1000;

    private readonly string dataDirectory;
    private readonly StringLoggerProvider log;

    private LabPhone(PhoneRuntime runtime, string dataDirectory, StringLoggerProvider log)
    {
        Runtime = runtime;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    public PhoneRuntime Runtime { get; }

    public SimulatedHardware Hardware => Runtime.Simulator!;

    public string Log => log.Text;

    /// <param name="extraSettings">Configuration keys added to (or replacing) the lab defaults, e.g. "Phone:ConsultationTimeout".</param>
    public static LabPhone Start(KamailioLab lab, string extension, string? password = null, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("deskphone-lab-").FullName;

        // A random even base keeps concurrently running phones off each other's RTP ports.
        var rtpBase = 20000 + (2 * Random.Shared.Next(0, 10000));
        var values = new Dictionary<string, string?>
        {
            ["Account:Extension"] = extension,
            ["Account:Password"] = password ?? lab.Password(extension),
            ["Account:Domain"] = lab.Domain,
            ["Sip:Registrar"] = lab.EndPoint.ToString(),
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:ListenPort"] = "0",
            ["Rtp:PortMin"] = rtpBase.ToString(CultureInfo.InvariantCulture),
            ["Rtp:PortMax"] = (rtpBase + 200).ToString(CultureInfo.InvariantCulture),
            ["Simulator:CaptureSource"] = "Tone",
            ["Simulator:CaptureToneHz"] = MicrophoneToneHz.ToString(CultureInfo.InvariantCulture),
            ["Simulator:PlaybackSink"] = "Memory",
            ["Simulator:MemoryRecorderSeconds"] = "20",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Phone:Language"] = "En",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var (settings, errors) = DeskPhoneSettings.Load(configuration);
        Assert.True(settings is not null, string.Join(Environment.NewLine, errors));
        var log = new StringLoggerProvider();
        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        return new LabPhone(PhoneRuntime.Start(settings, loggers), dataDirectory, log);
    }

    public async Task WaitForScreenAsync(string text, TimeSpan? timeout = null)
    {
        var shown = await Hardware.Screen.WaitForTextAsync(text, timeout ?? TimeSpan.FromSeconds(10));
        Assert.True(shown, $"the screen never showed '{text}'; it shows:{Environment.NewLine}{Hardware.Screen.Snapshot()}{Environment.NewLine}log:{Environment.NewLine}{Log}");
    }

    /// <summary>What the earpiece played in the last <paramref name="seconds"/>.</summary>
    public short[] Earpiece(double seconds)
    {
        var all = Hardware.Audio.Recorder!.Snapshot();
        var count = Math.Min(all.Length, (int)(seconds * Hardware.Audio.Format.SampleRate));
        return all[^count..];
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
