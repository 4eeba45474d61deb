using DeskPhone.Hal;
using DeskPhone.Media;
using DeskPhone.Phone.History;
using DeskPhone.Phone.Media;
using DeskPhone.Phone.Messages;
using DeskPhone.Phone.Screens;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Threading;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// The phone's behaviour: hook, keys and SIP events in; calls, messages, tones, ringer and screens
/// out. All state lives on the signalling loop; HAL callbacks only post to it.
/// </summary>
public sealed partial class PhoneController : IDisposable
{
    private readonly PhoneOptions options;
    private readonly SipUserAgent agent;
    private readonly ICallAudio audio;
    private readonly IPhoneHardware hardware;
    private readonly SignallingLoop loop;
    private readonly ILogger logger;
    private readonly MessageStore messages;
    private readonly MessagesOptions messageOptions;
    private readonly IMessageContacts contacts;
    private readonly ITimer screenTick;
    private ITimer? interDigitTimer;
    private ITimer? endedTimer;
    private SipCall? call;
    private IMediaSession? media;
    private DateTimeOffset callStarted;

    /// <param name="messages">The open message store; the caller keeps ownership and disposes it after the loop stops.</param>
    /// <param name="contacts">Names and picks for the message screens; none by default.</param>
    public PhoneController(PhoneOptions options, SipUserAgent agent, ICallAudio audio, IPhoneHardware hardware, SignallingLoop loop, ILogger<PhoneController> logger, MessageStore messages, MessagesOptions messageOptions, IMessageContacts? contacts = null)
    {
        this.options = options;
        this.agent = agent;
        this.audio = audio;
        this.hardware = hardware;
        this.loop = loop;
        this.logger = logger;
        this.messages = messages;
        this.messageOptions = messageOptions;
        this.contacts = contacts ?? NoMessageContacts.Instance;
        View = new PhoneView(PhoneMode.Idle, agent.Options.User, hardware.HookSwitch.IsOffHook, agent.Registration.Status);

        // HAL threads: post and return (IKeypad and IHookSwitch contracts).
        hardware.HookSwitch.Changed += offHook => loop.Post(() => OnHook(offHook));
        hardware.Keypad.KeyChanged += key =>
        {
            if (key.Action == KeyAction.Down)
            {
                loop.Post(() => OnKey(key.Key));
            }
        };

        // Signalling loop.
        agent.IncomingCall += OnIncomingCall;
        agent.MessageReceived += OnMessageReceived;
        agent.Registration.Changed += status => Publish(View with { Registration = status });

        // The clock and call timer on screen advance once a second.
        screenTick = loop.Time.CreateTimer(_ => loop.Post(Render), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Raised after every change of <see cref="View"/>. THREAD: signalling loop.</summary>
    public event Action<PhoneView>? ViewChanged;

    public PhoneView View { get; private set; }

    /// <summary>Placed, received and missed calls; in memory unless the host gives a durable one.</summary>
    public CallHistory History { get; init; } = new();

    /// <summary>The phonebook that names callers (caller ID); none in tests that do not need it.</summary>
    public Contacts.ContactBook? Phonebook { get; init; }

    /// <summary>Draws the first screen and starts registering. THREAD: signalling loop.</summary>
    public void Start()
    {
        hardware.Display.SetBacklight(true);
        View = View with { MissedCalls = History.UnseenMissed };
        UpdateUnread();
        Render();
        agent.Registration.Start();
    }

    public void Dispose()
    {
        screenTick.Dispose();
        interDigitTimer?.Dispose();
        endedTimer?.Dispose();
        alertTimer?.Dispose();
        cycleTimer?.Dispose();
        media?.Dispose();
    }

    private void OnHook(bool offHook)
    {
        View = View with { OffHook = offHook };
        if (offHook)
        {
            OnOffHook();
        }
        else
        {
            OnOnHook();
        }
    }

    private void OnOffHook()
    {
        switch (View.Mode)
        {
            case PhoneMode.Incoming:
                AnswerIncoming();
                break;
            case PhoneMode.Dialing when View.Digits.Length > 0:
                // Digits typed on hook: lifting the handset dials them.
                DialCollected();
                break;
            case PhoneMode.Idle or PhoneMode.Ended or PhoneMode.Dialing:
                StartDialing();
                break;
            case PhoneMode.Messages:
                // Lifting the handset means a call: the message screen waits until it is over.
                SuspendMessages();
                StartDialing();
                break;
        }
    }

    private void OnOnHook()
    {
        switch (View.Mode)
        {
            case PhoneMode.Calling or PhoneMode.RingingOut or PhoneMode.Connected:
                call!.Hangup();
                break;
            case PhoneMode.Incoming or PhoneMode.Messages:
                Publish(View);
                break;
            default:
                GoIdle();
                break;
        }
    }

    private void OnKey(PhoneKey key)
    {
        if (key == PhoneKey.End)
        {
            OnEndKey();
            return;
        }

        if (View.Mode == PhoneMode.Messages)
        {
            OnMessageKey(key);
            return;
        }

        switch (View.Mode)
        {
            case PhoneMode.Idle or PhoneMode.Ended when key.DialChar() is { } first:
                StartDialing();
                AddDigit(first);
                break;
            case PhoneMode.Dialing when key.DialChar() == '#' || key is PhoneKey.Send or PhoneKey.Ok:
                DialCollected();
                break;
            case PhoneMode.Dialing when key.DialChar() is { } digit:
                AddDigit(digit);
                break;
            case PhoneMode.Dialing when key == PhoneKey.Back && View.Digits.Length > 0:
                Publish(View with { Digits = View.Digits[..^1] });
                RestartInterDigitTimer();
                break;
            case PhoneMode.Incoming when key is PhoneKey.Send or PhoneKey.Ok:
                AnswerIncoming();
                break;
            case PhoneMode.Idle or PhoneMode.Ended when key == PhoneKey.Messages:
                OpenMessages();
                break;
            case PhoneMode.Idle when key == PhoneKey.History:
                History.MarkMissedSeen();
                Publish(View with { MissedCalls = 0 });
                break;
        }
    }

    private void OnEndKey()
    {
        switch (View.Mode)
        {
            case PhoneMode.Calling or PhoneMode.RingingOut or PhoneMode.Connected:
                call!.Hangup();
                break;
            case PhoneMode.Incoming:
                call!.Reject(486, "Busy Here");
                break;
            default:
                GoIdle();
                break;
        }
    }

    private void StartDialing()
    {
        endedTimer?.Dispose();
        audio.PlayTone(View.OffHook ? CallProgressTone.Dial : CallProgressTone.None);
        Publish(View with { Mode = PhoneMode.Dialing, Digits = string.Empty, PeerName = null, PeerNumber = null, EndedText = null });
    }

    private void AddDigit(char digit)
    {
        if (View.Digits.Length >= options.MaxDialDigits)
        {
            return;
        }

        // Dial tone stops at the first digit (ITU-T E.180 practice).
        audio.PlayTone(CallProgressTone.None);
        Publish(View with { Digits = View.Digits + digit });
        RestartInterDigitTimer();
    }

    private void RestartInterDigitTimer()
    {
        interDigitTimer?.Dispose();
        interDigitTimer = loop.Schedule(options.InterDigitTimeout, () =>
        {
            if (View.Mode == PhoneMode.Dialing && View.Digits.Length > 0 && View.OffHook)
            {
                DialCollected();
            }
        });
    }

    private void GoIdle()
    {
        interDigitTimer?.Dispose();
        endedTimer?.Dispose();
        audio.PlayTone(CallProgressTone.None);
        hardware.Ringer.StopRinging();
        hardware.Indicators.SetLine(LineIndicator.Off);
        View = View with { Digits = string.Empty, PeerName = null, PeerNumber = null, ConnectedAt = null, EndedText = null, MissedCalls = History.UnseenMissed };
        if (TakeResumeScreen() is { } resumed)
        {
            ShowScreen(resumed);
            return;
        }

        Publish(View with { Mode = PhoneMode.Idle, MessageScreen = null });
    }

    private void Publish(PhoneView view)
    {
        View = view;
        Render();
        ViewChanged?.Invoke(view);
    }

    private void Render()
    {
        var display = hardware.Display;
        display.Show(ScreenRenderer.Render(View, loop.Time.GetLocalNow(), display.Columns, display.Rows));
    }
}
