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
        View = new PhoneView(PhoneMode.Idle, agent.Options.User, hardware.HookSwitch.IsOffHook, agent.Registration.Status) { Texts = LcdTexts.For(options.Language) };

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
        agent.Registration.Changed += status =>
        {
            Publish(View with { Registration = status });
            StartVoicemailOnceRegistered(status);
        };

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
        History.Changed += OnHistoryChanged;
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
        noticeTimer?.Dispose();
        transferDigitTimer?.Dispose();
        transferPrefixTimer?.Dispose();
        consultationTimer?.Dispose();
        current?.Media.Dispose();
        other?.Media.Dispose();
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
        if (current is { } leg && leg.Sip.Direction == CallDirection.Incoming && leg.ConnectedAt is null)
        {
            AnswerIncoming();
            return;
        }

        if (current is { ConnectedAt: not null, HeldByUs: true } held)
        {
            // Back to a call left on hold (or recalled after a failed transfer).
            hardware.Ringer.StopRinging();
            SetHold(held, false);
            ShowCurrent();
            return;
        }

        switch (View.Mode)
        {
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
            case PhoneMode.History or PhoneMode.Contacts:
                OnDirectoryOffHook();
                break;
        }
    }

    private void OnOnHook()
    {
        if (current is { } leg)
        {
            OnOnHookInCall(leg);
            return;
        }

        switch (View.Mode)
        {
            case PhoneMode.Messages or PhoneMode.History or PhoneMode.Contacts:
                Publish(View);
                break;
            default:
                GoIdle();
                break;
        }
    }

    private void OnKey(PhoneKey key)
    {
        if (View.OffHook)
        {
            audio.PlayKeyTone(key);
        }

        if (key is PhoneKey.VolumeUp or PhoneKey.VolumeDown)
        {
            ChangeVolume(key == PhoneKey.VolumeUp ? 1 : -1);
            return;
        }

        if (key == PhoneKey.End)
        {
            OnEndKey();
            return;
        }

        if (current is not null)
        {
            OnCallKey(key);
            return;
        }

        if (View.Mode == PhoneMode.Menu && View.Menu is { } menu)
        {
            OnMenuKey(menu, key);
            return;
        }

        if (View.Mode == PhoneMode.Messages)
        {
            OnMessageKey(key);
            return;
        }

        if (View.Mode == PhoneMode.History)
        {
            OnHistoryKey(key);
            return;
        }

        if (View.Mode == PhoneMode.Contacts)
        {
            OnPhonebookKey(key);
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
            case PhoneMode.Idle or PhoneMode.Ended when key == PhoneKey.Send:
                Redial();
                break;
            case PhoneMode.Idle or PhoneMode.Ended when key == PhoneKey.More:
                OpenMenu([MenuItem.DoNotDisturb]);
                break;
            case PhoneMode.Idle or PhoneMode.Ended when key == PhoneKey.Messages:
                OpenMessages();
                break;
            case PhoneMode.Idle or PhoneMode.Ended when key == PhoneKey.History:
            case PhoneMode.Idle when key == PhoneKey.Ok && View.MissedCalls > 0:
                OpenHistory();
                break;
            case PhoneMode.Idle or PhoneMode.Ended when key == PhoneKey.Contacts:
                OpenPhonebook();
                break;
        }
    }

    private void OnEndKey()
    {
        if (current is { } leg)
        {
            OnEndKeyInCall(leg);
            return;
        }

        GoIdle();
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
        View = View.WithoutCall() with { Digits = string.Empty, MissedCalls = History.UnseenMissed };
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
