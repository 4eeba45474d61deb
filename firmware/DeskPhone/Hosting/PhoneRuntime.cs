using System.Net;
using DeskPhone.Configuration;
using DeskPhone.Hal.Simulator;
using DeskPhone.Media;
using DeskPhone.Phone;
using DeskPhone.Phone.Media;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hosting;

/// <summary>
/// The whole phone wired together: signalling loop, SIP over UDP, media, hardware and phone
/// logic. Used by the host and, in process, by the interop tests.
/// </summary>
public sealed class PhoneRuntime : IAsyncDisposable
{
    private readonly UdpSipTransport transport;

    private PhoneRuntime(DeskPhoneSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        Loop = new SignallingLoop(time, loggers.CreateLogger<SignallingLoop>());
        transport = new UdpSipTransport(new IPEndPoint(IPAddress.Parse(settings.Sip.ListenAddress), settings.Sip.ListenPort), loggers.CreateLogger<UdpSipTransport>());
        Agent = new SipUserAgent(
            new SipAgentOptions
            {
                User = settings.Account.Extension,
                AuthUser = settings.Account.AuthUser,
                Password = settings.Account.Password,
                DisplayName = settings.Account.DisplayName,
                Domain = settings.Domain,
                Registrar = settings.RegistrarEndPoint,
                RegisterExpiresSeconds = settings.Sip.RegisterExpires,
            },
            transport,
            Loop,
            SipTimers.Default,
            loggers);
        transport.DatagramReceived += (datagram, source) => Agent.ReceiveDatagram(datagram.Span, source);

        Hardware = new SimulatedHardware(settings.Simulator, loggers, time);
        var format = Hardware.Audio.Format;
        Engine = new AudioEngine(format);
        var rtp = new RtpStreamOptions
        {
            LocalAddress = Agent.LocalEndPoint.Address,
            FirstPort = settings.Rtp.PortMin,
            LastPort = settings.Rtp.PortMax,
        };
        var audio = new RtpCallAudio(Engine, format, rtp, [AudioCodec.Pcmu, AudioCodec.Pcma], time, loggers);
        Phone = new PhoneController(settings.Phone, Agent, audio, Hardware, Loop, loggers.CreateLogger<PhoneController>());
    }

    public SignallingLoop Loop { get; }

    public SipUserAgent Agent { get; }

    public SimulatedHardware Hardware { get; }

    public AudioEngine Engine { get; }

    public PhoneController Phone { get; }

    /// <summary>Builds the phone, starts audio and signalling, and begins registering.</summary>
    public static PhoneRuntime Start(DeskPhoneSettings settings, ILoggerFactory loggers, TimeProvider? time = null)
    {
        Directory.CreateDirectory(settings.Storage.DataDirectory);
        var runtime = new PhoneRuntime(settings, loggers, time ?? TimeProvider.System);
        runtime.Hardware.Audio.Start(runtime.Engine);
        runtime.transport.Start();
        runtime.Loop.Post(runtime.Phone.Start);
        return runtime;
    }

    /// <summary>Sends the de-REGISTER, then stops audio, signalling and sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        await Loop.InvokeAsync(() =>
        {
            Phone.Dispose();
            Agent.Registration.Stop();
        });

        Hardware.Audio.Stop();
        await Loop.InvokeAsync(Agent.Dispose);
        transport.Dispose();
        Loop.Dispose();
        Hardware.Dispose();
    }
}
