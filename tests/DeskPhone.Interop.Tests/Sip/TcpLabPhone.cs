using System.Globalization;
using DeskPhone.Configuration;
using DeskPhone.Hal.Simulator;
using DeskPhone.Hosting;
using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Phone;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Interop.Tests.Sip;

/// <summary>
/// Our phone, in process, with Sip:Transport=Tcp, registering to a lab PBX that listens on TCP:
/// the real runtime with the simulator and no audio recording. Its log (with SIP traces) is kept.
/// </summary>
internal sealed class TcpLabPhone : IAsyncDisposable
{
    private readonly string dataDirectory;
    private readonly StringLoggerProvider log;

    private TcpLabPhone(PhoneRuntime runtime, string dataDirectory, StringLoggerProvider log)
    {
        Runtime = runtime;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    public PhoneRuntime Runtime { get; }

    public SimulatedHardware Hardware => Runtime.Simulator!;

    public string Log => log.Text;

    public static TcpLabPhone Start(KamailioLab lab, string extension)
    {
        Assert.True(lab.Tcp, "the lab PBX must listen on TCP (KamailioLab.StartWithTcpAsync)");
        var dataDirectory = Directory.CreateTempSubdirectory("deskphone-tcp-").FullName;
        var rtpBase = 20000 + (2 * Random.Shared.Next(0, 10000));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Account:Extension"] = extension,
            ["Account:Password"] = lab.Password(extension),
            ["Account:Domain"] = lab.Domain,
            ["Sip:Registrar"] = lab.EndPoint.ToString(),
            ["Sip:Transport"] = "Tcp",
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:ListenPort"] = "0",
            ["Rtp:PortMin"] = rtpBase.ToString(CultureInfo.InvariantCulture),
            ["Rtp:PortMax"] = (rtpBase + 200).ToString(CultureInfo.InvariantCulture),
            ["Storage:DataDirectory"] = dataDirectory,

            // The screen texts the tests wait for are the English ones.
            ["Phone:Language"] = "En",
        }).Build();
        var (settings, errors) = DeskPhoneSettings.Load(configuration);
        Assert.True(settings is not null, string.Join(Environment.NewLine, errors));
        var log = new StringLoggerProvider();
        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        return new TcpLabPhone(PhoneRuntime.Start(settings, loggers), dataDirectory, log);
    }

    public async Task WaitForScreenAsync(string text, TimeSpan? timeout = null)
    {
        var shown = await Hardware.Screen.WaitForTextAsync(text, timeout ?? TimeSpan.FromSeconds(10));
        Assert.True(shown, $"the screen never showed '{text}'; it shows:{Environment.NewLine}{Hardware.Screen.Snapshot()}{Environment.NewLine}log:{Environment.NewLine}{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
