using System.Globalization;
using System.Net;
using System.Threading.Channels;
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
/// simulator) on 127.0.0.1, registered to a <see cref="FakeRegistrar"/>, or to SIPp itself when
/// SIPp plays the far end of the phone's own calls (out-of-dialog requests go to the registrar).
/// Sip:TrustedSourcesOnly is off, as for peer-to-peer use, since SIPp calling in is not the
/// registrar. The clock can be a fake one the test moves (session timers); SIP then only times
/// what the test lets pass.
/// </summary>
internal sealed class SippPhone : IAsyncDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private readonly FakeRegistrar? registrar;
    private readonly string dataDirectory;
    private readonly StringLoggerProvider log;
    private readonly Channel<SipCall> incoming = Channel.CreateUnbounded<SipCall>();
    private bool disposed;

    private SippPhone(PhoneRuntime runtime, FakeRegistrar? registrar, string dataDirectory, StringLoggerProvider log)
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

    /// <param name="time">The phone's clock; the system's when null.</param>
    /// <param name="registrar">Where the phone registers and sends its calls and messages ("127.0.0.1:port"); a <see cref="FakeRegistrar"/> of its own when null.</param>
    public static async Task<SippPhone> StartAsync(TimeProvider? time = null, string? registrar = null)
    {
        var fakeRegistrar = registrar is null ? new FakeRegistrar(200, "OK") : null;
        var dataDirectory = Directory.CreateTempSubdirectory("deskphone-sipp-phone-").FullName;
        var rtpBase = 20000 + (2 * Random.Shared.Next(0, 10000));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Account:Extension"] = "101",
            ["Account:Password"] = "pw101",
            ["Account:Domain"] = "127.0.0.1",
            ["Sip:Registrar"] = registrar ?? fakeRegistrar!.Address,
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:ListenPort"] = "0",
            ["Sip:TrustedSourcesOnly"] = "false",

            // Each scenario plays one role exactly; the voicemail one starts the subscription itself.
            ["Sip:MessageWaiting"] = "false",
            ["Rtp:PortMin"] = rtpBase.ToString(CultureInfo.InvariantCulture),
            ["Rtp:PortMax"] = (rtpBase + 200).ToString(CultureInfo.InvariantCulture),
            ["Storage:DataDirectory"] = dataDirectory,
            ["Phone:Language"] = "En",
        }).Build();
        var (settings, errors) = DeskPhoneSettings.Load(configuration);
        Assert.True(settings is not null, string.Join(Environment.NewLine, errors));
        var log = new StringLoggerProvider();
        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        var phone = new SippPhone(PhoneRuntime.Start(settings, loggers, time), fakeRegistrar, dataDirectory, log);
        await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Agent.IncomingCall += call => phone.incoming.Writer.TryWrite(call));
        return phone;
    }

    /// <summary>Waits for SIPp's call to ring, then lifts the handset to answer it.</summary>
    public async Task<SipCall> AnswerAsync()
    {
        var call = await NextIncomingAsync();
        await AnswerAsync(call);
        return call;
    }

    /// <summary>Waits (at most 10 s) for the next call from the network, in the order they came.</summary>
    public async Task<SipCall> NextIncomingAsync()
    {
        using var deadline = new CancellationTokenSource(EventTimeout);
        return await incoming.Reader.ReadAsync(deadline.Token);
    }

    /// <summary>Lifts the handset to answer <paramref name="call"/>, ringing now, and waits until it is connected.</summary>
    public async Task AnswerAsync(SipCall call)
    {
        Hardware.Hook.SetOffHook(true);
        await UntilAsync(() => call.State == CallState.Connected, "the call connected");
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

    /// <summary>Stops the phone (it de-registers first, waiting a few seconds at most); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await Runtime.DisposeAsync();
        if (registrar is not null)
        {
            await registrar.DisposeAsync();
        }

        Directory.Delete(dataDirectory, recursive: true);
    }
}
