using System.Globalization;
using System.Net;
using DeskPhone.Configuration;
using DeskPhone.Hal.Simulator;
using DeskPhone.Hosting;
using DeskPhone.Interop.Tests.Peers;
using DeskPhone.Interop.Tests.Phone;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>
/// Our phone in process for SIPp to call directly, without a PBX: the real runtime (UDP, media,
/// simulator) on 127.0.0.1, registered to a <see cref="FakeRegistrar"/>. Sip:TrustedSourcesOnly
/// is off, as for peer-to-peer use, since SIPp is not the registrar. The clock can be a fake one
/// the test moves (session timers); SIP then only times what the test lets pass.
/// </summary>
internal sealed class SippPhone : IAsyncDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private readonly FakeRegistrar registrar;
    private readonly string dataDirectory;
    private readonly StringLoggerProvider log;
    private readonly TaskCompletionSource<SipCall> incoming = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SippPhone(PhoneRuntime runtime, FakeRegistrar registrar, string dataDirectory, StringLoggerProvider log)
    {
        Runtime = runtime;
        this.registrar = registrar;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    public PhoneRuntime Runtime { get; }

    public SimulatedHardware Hardware => Runtime.Simulator!;

    /// <summary>The phone's SIP address for SIPp to call.</summary>
    public IPEndPoint SipEndPoint => Runtime.Agent.LocalEndPoint;

    public string Log => log.Text;

    public static async Task<SippPhone> StartAsync(TimeProvider? time = null)
    {
        var registrar = new FakeRegistrar(200, "OK");
        var dataDirectory = Directory.CreateTempSubdirectory("deskphone-sipp-phone-").FullName;
        var rtpBase = 20000 + (2 * Random.Shared.Next(0, 10000));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Account:Extension"] = "101",
            ["Account:Password"] = "pw101",
            ["Account:Domain"] = "127.0.0.1",
            ["Sip:Registrar"] = registrar.Address,
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:ListenPort"] = "0",
            ["Sip:TrustedSourcesOnly"] = "false",
            ["Rtp:PortMin"] = rtpBase.ToString(CultureInfo.InvariantCulture),
            ["Rtp:PortMax"] = (rtpBase + 200).ToString(CultureInfo.InvariantCulture),
            ["Storage:DataDirectory"] = dataDirectory,
            ["Phone:Language"] = "En",
        }).Build();
        var (settings, errors) = DeskPhoneSettings.Load(configuration);
        Assert.True(settings is not null, string.Join(Environment.NewLine, errors));
        var log = new StringLoggerProvider();
        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(log));
        var phone = new SippPhone(PhoneRuntime.Start(settings, loggers, time), registrar, dataDirectory, log);
        await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Agent.IncomingCall += call => phone.incoming.TrySetResult(call));
        return phone;
    }

    /// <summary>Waits for SIPp's call to ring, then lifts the handset to answer it.</summary>
    public async Task<SipCall> AnswerAsync()
    {
        var call = await incoming.Task.WaitAsync(EventTimeout, TimeProvider.System);
        Hardware.Hook.SetOffHook(true);
        await UntilAsync(() => call.State == CallState.Connected, "the call connected");
        return call;
    }

    /// <summary>
    /// Waits (on the wall clock, at most 10 s) until <paramref name="condition"/>, read on the
    /// signalling loop, holds; fails naming <paramref name="what"/> with the phone's log.
    /// </summary>
    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + EventTimeout;
        while (!await Runtime.Loop.InvokeAsync(condition))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"never saw {what}; phone log:{Environment.NewLine}{Log}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Reads a value on the signalling loop.</summary>
    public Task<T> OnLoop<T>(Func<T> read) => Runtime.Loop.InvokeAsync(read);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await registrar.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
