using System.Net;
using DeskPhone.Configuration;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulator;
using DeskPhone.Media;
using DeskPhone.Media.Codecs;
using DeskPhone.Phone;
using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.History;
using DeskPhone.Phone.Media;
using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Subscriptions;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Hosting;

/// <summary>
/// The whole phone wired together: signalling loop, SIP over UDP or TCP, media, hardware and phone
/// logic. Used by the host and, in process, by the interop tests.
/// </summary>
public sealed class PhoneRuntime : IAsyncDisposable
{
    private readonly ISocketSipTransport transport;
    private readonly ILogger logger;

    private PhoneRuntime(DeskPhoneSettings settings, IPhoneHardware hardware, ILoggerFactory loggers, TimeProvider time)
    {
        logger = loggers.CreateLogger<PhoneRuntime>();
        Loop = new SignallingLoop(time, loggers.CreateLogger<SignallingLoop>());
        transport = OpenTransport(settings.Sip, loggers, time);
        Agent = new SipUserAgent(
            new SipAgentOptions
            {
                User = settings.Account.Extension,
                AuthUser = settings.Account.AuthUser,
                Password = settings.Account.Password,
                DisplayName = settings.Account.DisplayName,
                Domain = settings.Domain,
                Registrar = settings.Registrar,
                OutboundProxy = settings.OutboundProxy,
                DnsServers = settings.DnsServers,
                RegisterExpiresSeconds = settings.Sip.RegisterExpires,
                TrustedSourcesOnly = settings.Sip.TrustedSourcesOnly,
            },
            transport,
            Loop,
            SipTimers.Default with { T1 = TimeSpan.FromMilliseconds(settings.Sip.TimerT1Milliseconds) },
            loggers);
        transport.MessageReceived += (message, source) => Agent.ReceiveDatagram(message.Span, source);

        Hardware = hardware;
        Simulator = hardware as SimulatedHardware;

        // One SQLite file per store in the data folder; a bad file is set aside and reported, never fatal.
        Contacts = ContactBook.Open(Path.Combine(settings.Storage.DataDirectory, ContactBook.FileName), loggers.CreateLogger<ContactBook>(), time);
        History = CallHistory.Open(Path.Combine(settings.Storage.DataDirectory, CallHistory.FileName), loggers.CreateLogger<CallHistory>(), time);
        Messages = MessageStore.Open(Path.Combine(settings.Storage.DataDirectory, MessageStore.FileName), settings.Messages.MaxStoredMessages, loggers.CreateLogger<MessageStore>(), time);
        var format = Hardware.Audio.Format;
        Engine = new AudioEngine(format);
        Engine.SetSidetone(settings.Audio.SidetoneDb);
        var rtp = new RtpStreamOptions
        {
            LocalAddress = Agent.LocalEndPoint.Address,
            FirstPort = settings.Rtp.PortMin,
            LastPort = settings.Rtp.PortMax,
            ReceiveRealtimePriority = settings.Rtp.ReceiveRealtimePriority,
        };
        Voicemail = settings.Sip.MessageWaiting
            ? new MessageWaitingSubscription(
                Agent,
                new MessageWaitingOptions
                {
                    ExpiresSeconds = settings.Sip.MessageWaitingExpires,
                    MailboxUri = string.IsNullOrWhiteSpace(settings.Sip.MailboxUri) ? null : settings.Sip.MailboxUri,
                },
                loggers.CreateLogger<MessageWaitingSubscription>())
            : null;
        ReportOpusImplementation(settings.Rtp.EffectiveCodecs);
        var audio = new RtpCallAudio(Engine, rtp, settings.Rtp.EffectiveCodecs, time, loggers);
        Phone = new PhoneController(settings.Phone, Agent, audio, Hardware, Loop, loggers.CreateLogger<PhoneController>(), Messages, settings.Messages, new ContactBookRecipients(Contacts))
        {
            History = History,
            Phonebook = Contacts,
            VoicemailSubscription = Voicemail,
        };
    }

    public SignallingLoop Loop { get; }

    public SipUserAgent Agent { get; }

    /// <summary>The devices the phone drives, simulated or real (Hal:Kind).</summary>
    public IPhoneHardware Hardware { get; }

    /// <summary>The simulated devices, for front-ends and tests to operate, when Hal:Kind is Simulator; otherwise null.</summary>
    public SimulatedHardware? Simulator { get; }

    public AudioEngine Engine { get; }

    public PhoneController Phone { get; }

    /// <summary>The phonebook (contacts.db). THREAD: the signalling loop once the phone runs.</summary>
    public ContactBook Contacts { get; }

    /// <summary>The call history kept across restarts (history.db). THREAD: the signalling loop once the phone runs.</summary>
    public CallHistory History { get; }

    /// <summary>The text messages (messages.db). THREAD: the signalling loop once the phone runs.</summary>
    public MessageStore Messages { get; }

    /// <summary>The voicemail message-waiting subscription; null when `Sip:MessageWaiting` is off.</summary>
    public MessageWaitingSubscription? Voicemail { get; }

    /// <summary>The SIP socket of Sip:Transport on Sip:ListenAddress and Sip:ListenPort.</summary>
    private static ISocketSipTransport OpenTransport(SipOptions sip, ILoggerFactory loggers, TimeProvider time)
    {
        var listen = new IPEndPoint(IPAddress.Parse(sip.ListenAddress), sip.ListenPort);
        return sip.Transport == SipTransportProtocol.Tcp
            ? new TcpSipTransport(listen, TcpTransportOptions.Default, time, loggers.CreateLogger<TcpSipTransport>())
            : new UdpSipTransport(listen, loggers.CreateLogger<UdpSipTransport>());
    }

    /// <summary>Builds the phone, starts audio and signalling, and begins registering.</summary>
    /// <exception cref="InvalidOperationException">The hardware could not be opened; callers for which that is expected use <see cref="TryStart"/>.</exception>
    public static PhoneRuntime Start(DeskPhoneSettings settings, ILoggerFactory loggers, TimeProvider? time = null)
    {
        var (runtime, error) = TryStart(settings, loggers, time);
        return runtime ?? throw new InvalidOperationException(error);
    }

    /// <summary>
    /// Like <see cref="Start"/>, but hardware that cannot be opened (no GPIO, no LCD, no sound
    /// card) is an expected failure: the result is then null with one line naming the
    /// configuration key to look at ("Hal:Gpio: …").
    /// </summary>
    public static (PhoneRuntime? Runtime, string? Error) TryStart(DeskPhoneSettings settings, ILoggerFactory loggers, TimeProvider? time = null)
    {
        Directory.CreateDirectory(settings.Storage.DataDirectory);
        time ??= TimeProvider.System;
        var (hardware, error) = HardwareFactory.Open(settings, loggers, time);
        if (hardware is null)
        {
            return (null, error);
        }

        PhoneRuntime runtime;
        try
        {
            runtime = new PhoneRuntime(settings, hardware, loggers, time);
        }
        catch
        {
            hardware.Dispose();
            throw;
        }

        runtime.Hardware.Audio.Start(runtime.Engine);
        runtime.transport.Start();
        runtime.Loop.Post(runtime.Phone.Start);
        return (runtime, null);
    }

    /// <summary>
    /// Longest wait for the registrar to confirm the de-REGISTER at shutdown: a challenge and
    /// its answer take two round trips; a registrar that does not answer must not hold up a
    /// reboot for Timer F's 32 s (the binding then simply expires).
    /// </summary>
    private static readonly TimeSpan UnregisterWait = TimeSpan.FromSeconds(4);

    /// <summary>Removes the registration (waiting for the registrar, bounded), then stops audio, signalling and sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        // The mailbox subscription ends first (RFC 6665 §4.1.2.3), then the binding: both in flight
        // together, bounded by the same wait.
        var unregistered = await Loop.InvokeAsync(() =>
        {
            Phone.Dispose();
            var unsubscribed = Voicemail?.Stop() ?? Task.CompletedTask;
            return Task.WhenAll(unsubscribed, Agent.Registration.Stop());
        });
        if (!await WaitAsync(unregistered, UnregisterWait))
        {
            logger.LogWarning("The registrar did not confirm the de-registration within {Wait}; stopping anyway", UnregisterWait);
        }

        Hardware.Audio.Stop();
        await Loop.InvokeAsync(Agent.Dispose);
        transport.Dispose();
        Loop.Dispose();
        Contacts.Dispose();
        History.Dispose();
        Messages.Dispose();
        Hardware.Dispose();
    }

    /// <summary>
    /// Waits on the wall clock, not the loop's: a shutdown must end even when the loop's clock
    /// is a test's fake one that nobody advances any more.
    /// </summary>
    private static async Task<bool> WaitAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit, TimeProvider.System);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Opus on the system's libopus keeps the audio thread allocation-free; Concentus, the fallback
    /// when libopus0 is missing, allocates during every Opus frame, which is worth a warning.
    /// </summary>
    private void ReportOpusImplementation(IReadOnlyList<AudioCodec> codecs)
    {
        if (!codecs.Contains(AudioCodec.Opus))
        {
            return;
        }

        if (OpusCodec.NativeAvailable)
        {
            logger.LogInformation("Opus runs on {Version}", OpusCodec.NativeVersion);
        }
        else
        {
            logger.LogWarning("Rtp:Codecs: Opus runs on the managed Concentus codec because {Reason}: the audio thread allocates during Opus calls; install libopus0", OpusCodec.NativeLoadError);
        }
    }
}
