using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.History;
using System.Net;
using System.Text;
using DeskPhone.Hal.Simulator;
using DeskPhone.Media;
using DeskPhone.Phone.Media;
using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Subscriptions;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Phone.Tests;

/// <summary>
/// A whole phone on a fake clock: simulated hardware, a SIP agent whose transport records what it
/// sends, call audio that records tones and media steps instead of touching sockets, and a message
/// store in a temporary folder. The display speaks English unless <c>options</c> say otherwise, so
/// that the screens the tests expect read as docs/screens.md shows them.
/// </summary>
internal sealed class PhoneTestRig : IDisposable
{
    public static readonly IPEndPoint Pbx = new(IPAddress.Loopback, 5060);

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("deskphone-rig-").FullName;

    public PhoneTestRig(IMessageContacts? contacts = null, MessagesOptions? messageOptions = null, string? storePath = null, CallHistory? history = null, ContactBook? phonebook = null, PhoneOptions? options = null, bool voicemail = false)
    {
        Loop = new SignallingLoop(Clock, NullLogger<SignallingLoop>.Instance);
        Agent = new SipUserAgent(new SipAgentOptions { User = "101", Password = "pw101", Domain = "pbx", Registrar = Pbx }, Transport, Loop, SipTimers.Default, NullLoggerFactory.Instance);
        Hardware = new SimulatedHardware(new SimulatorOptions(), timeProvider: Clock);
        Messages = MessageStore.Open(storePath ?? Path.Combine(dataDirectory, MessageStore.FileName), (messageOptions ?? new()).MaxStoredMessages, NullLogger.Instance, Clock);
        Phone = new PhoneController(options ?? new PhoneOptions { Language = DisplayLanguage.En }, Agent, Audio, Hardware, Loop, NullLogger<PhoneController>.Instance, Messages, messageOptions ?? new(), contacts)
        {
            History = history ?? new CallHistory(),
            Phonebook = phonebook,
            VoicemailSubscription = voicemail ? new MessageWaitingSubscription(Agent, MessageWaitingOptions.Default, NullLogger<MessageWaitingSubscription>.Instance) : null,
        };
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));

    public RecordingTransport Transport { get; } = new();

    public RecordingAudio Audio { get; } = new();

    public SignallingLoop Loop { get; }

    public SipUserAgent Agent { get; }

    public SimulatedHardware Hardware { get; }

    public PhoneController Phone { get; }

    public MessageStore Messages { get; }

    public string Screen => Hardware.Screen.Snapshot();

    public async Task Start()
    {
        await Loop.InvokeAsync(Phone.Start);
    }

    public async Task LiftHandset()
    {
        Hardware.Hook.SetOffHook(true);
        await Drain();
    }

    public async Task ReplaceHandset()
    {
        Hardware.Hook.SetOffHook(false);
        await Drain();
    }

    public async Task Type(string keys)
    {
        Hardware.Keys.Type(keys);
        await Drain();
    }

    public async Task Press(DeskPhone.Hal.PhoneKey key)
    {
        Hardware.Keys.Press(key);
        await Drain();
    }

    public async Task Press(params DeskPhone.Hal.PhoneKey[] keys)
    {
        foreach (var key in keys)
        {
            Hardware.Keys.Press(key);
        }

        await Drain();
    }

    /// <summary>Reads the store on the loop, where it lives.</summary>
    public Task<T> Stored<T>(Func<MessageStore, T> read) => Loop.InvokeAsync(() => read(Messages));

    public async Task Receive(SipMessage message)
    {
        Agent.ReceiveDatagram(message.ToBytes(), Pbx);
        await Drain();
    }

    public async Task Receive(string text)
    {
        Agent.ReceiveDatagram(Encoding.UTF8.GetBytes(text), Pbx);
        await Drain();
    }

    public async Task Receive(byte[] datagram)
    {
        Agent.ReceiveDatagram(datagram, Pbx);
        await Drain();
    }

    public async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        await Drain();
    }

    /// <summary>
    /// Lets the loop finish what was posted so far, and what that work posted in turn: an incoming
    /// message is stored one hop later, together with any others received meanwhile (group commit).
    /// </summary>
    public async Task Drain()
    {
        await Loop.InvokeAsync(() => { });
        await Loop.InvokeAsync(() => { });
    }

    public void Dispose()
    {
        Phone.Dispose();
        Agent.Dispose();
        Loop.Dispose();
        Messages.Dispose();
        Hardware.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}

internal sealed class RecordingTransport : ISipTransport
{
    private readonly List<SipMessage> sent = [];

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5070);

    public IEnumerable<SipRequest> Requests(string method)
    {
        lock (sent)
        {
            return sent.OfType<SipRequest>().Where(r => r.Method == method).ToList();
        }
    }

    public IEnumerable<SipResponse> Responses(int code)
    {
        lock (sent)
        {
            return sent.OfType<SipResponse>().Where(r => r.StatusCode == code).ToList();
        }
    }

    public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        var parsed = SipMessageParser.Parse(message);
        lock (sent)
        {
            sent.Add(parsed.Message!);
        }
    }
}

internal sealed class RecordingAudio : ICallAudio
{
    public CallProgressTone Tone { get; private set; }

    public List<string> Steps { get; } = [];

    public bool RefuseOffers { get; set; }

    public bool Muted { get; private set; }

    /// <summary>The session on the handset: the one last connected and not parked since.</summary>
    public string? OnHandset { get; private set; }

    public List<char> Digits { get; } = [];

    public void PlayTone(CallProgressTone tone) => Tone = tone;

    public void SetMuted(bool muted) => Muted = muted;

    public int Volume { get; private set; } = AudioEngine.DefaultVolume;

    public List<DeskPhone.Hal.PhoneKey> KeyTones { get; } = [];

    public void SetEarpieceVolume(int step) => Volume = step;

    public void PlayKeyTone(DeskPhone.Hal.PhoneKey key) => KeyTones.Add(key);

    /// <summary>The far end's keys the earpiece played.</summary>
    public List<char> RemoteDigits { get; } = [];

    public void PlayRemoteDigit(char digit) => RemoteDigits.Add(digit);

    public IMediaSession OpenSession()
    {
        var session = new Session(this, $"s{++sessions}");
        Opened.Add(session);
        return session;
    }

    /// <summary>Every session opened, in order; <see cref="ReceiveDigit"/> plays the far end of one.</summary>
    private List<Session> Opened { get; } = [];

    /// <summary>The far end of the <paramref name="session"/>-th session (1-based) sends a telephone-event, as the media's receive thread would.</summary>
    public void ReceiveDigit(int session, char digit) => Opened[session - 1].Receive(digit);

    private int sessions;

    /// <summary>
    /// Records each step with the session's name; offers and answers are "offer:DIRECTION", and a
    /// remote offer or answer whose text is a direction name (sendonly, recvonly, inactive) sets
    /// the negotiated direction as RFC 3264 §6.1 would.
    /// </summary>
    private sealed class Session(RecordingAudio audio, string name) : IMediaSession
    {
        public MediaDirection Direction { get; private set; } = MediaDirection.SendRecv;

        public ReadOnlyMemory<byte> CreateOffer(MediaDirection direction)
        {
            if (direction != MediaDirection.SendRecv)
            {
                audio.Steps.Add($"{name} offer:{direction}");
            }

            return Encoding.ASCII.GetBytes(direction == MediaDirection.SendRecv ? "offer" : "offer:" + direction);
        }

        public bool TryAcceptOffer(ReadOnlyMemory<byte> offer, MediaDirection wanted, out ReadOnlyMemory<byte> answer, out string? failure)
        {
            var text = Encoding.ASCII.GetString(offer.Span);
            audio.Steps.Add(name == "s1" && wanted == MediaDirection.SendRecv && !text.Contains("only") && text != "inactive" ? "offer:" + text : $"{name} remote-offer:{text} wanted:{wanted}");
            Direction = Mirror(text, wanted);
            answer = Encoding.ASCII.GetBytes(Direction == MediaDirection.SendRecv ? "answer" : "answer:" + Direction);
            failure = audio.RefuseOffers ? "NoCommonCodec" : null;
            return !audio.RefuseOffers;
        }

        public bool TryAcceptAnswer(ReadOnlyMemory<byte> answer, out string? failure)
        {
            var text = Encoding.ASCII.GetString(answer.Span);
            audio.Steps.Add(name == "s1" ? "answer:" + text : $"{name} answer:{text}");
            Direction = Parse(text) switch
            {
                MediaDirection.RecvOnly => MediaDirection.SendOnly,
                MediaDirection.SendOnly => MediaDirection.RecvOnly,
                var other => other,
            };
            failure = null;
            return true;
        }

        public void Connect()
        {
            audio.Steps.Add(name == "s1" ? "connect" : $"{name} connect");
            audio.OnHandset = name;
        }

        public void Park()
        {
            if (audio.OnHandset == name)
            {
                audio.OnHandset = null;
            }
        }

        public bool SendDigit(char digit)
        {
            audio.Digits.Add(digit);
            return true;
        }

        public event Action<char>? DigitReceived;

        public void Receive(char digit) => DigitReceived?.Invoke(digit);

        public void Dispose() => audio.Steps.Add(name == "s1" ? "dispose" : $"{name} dispose");

        private static MediaDirection Parse(string text) =>
            text.Contains("sendonly", StringComparison.OrdinalIgnoreCase) ? MediaDirection.SendOnly
            : text.Contains("recvonly", StringComparison.OrdinalIgnoreCase) ? MediaDirection.RecvOnly
            : text.Contains("inactive", StringComparison.OrdinalIgnoreCase) ? MediaDirection.Inactive
            : MediaDirection.SendRecv;

        private static MediaDirection Mirror(string offer, MediaDirection wanted)
        {
            var offered = Parse(offer);
            var sends = wanted is MediaDirection.SendRecv or MediaDirection.SendOnly && offered is MediaDirection.SendRecv or MediaDirection.RecvOnly;
            var receives = wanted is MediaDirection.SendRecv or MediaDirection.RecvOnly && offered is MediaDirection.SendRecv or MediaDirection.SendOnly;
            return (sends, receives) switch
            {
                (true, true) => MediaDirection.SendRecv,
                (true, false) => MediaDirection.SendOnly,
                (false, true) => MediaDirection.RecvOnly,
                _ => MediaDirection.Inactive,
            };
        }
    }
}

/// <summary>What the PBX or the far end sends.</summary>
internal static class Far
{
    public const string AnnaRossi = "\"Anna Rossi\" <sip:102@pbx>;tag=anna";

    public static SipResponse Reply(SipRequest request, int code, string reason, string body = "")
    {
        var response = ResponseFactory.Create(request, code, reason, "far-tag");
        response.Add(HeaderNames.Contact, "<sip:200@127.0.0.1:5090>");
        response.Body = Encoding.ASCII.GetBytes(body);
        return response;
    }

    public static string Invite(string body = "remote-offer") =>
        "INVITE sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKin1;rport\r\n" +
        "From: \"Anna Rossi\" <sip:102@pbx>;tag=anna\r\n" +
        "To: <sip:101@pbx>\r\n" +
        "Call-ID: in-1\r\n" +
        "CSeq: 5 INVITE\r\n" +
        "Contact: <sip:102@127.0.0.1:5080>\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {body.Length}\r\n\r\n{body}";

    public static string InDialog(string method, string toTag, int cseq) =>
        $"{method} sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{method}{cseq}\r\n" +
        "From: \"Anna Rossi\" <sip:102@pbx>;tag=anna\r\n" +
        $"To: <sip:101@pbx>;tag={toTag}\r\n" +
        "Call-ID: in-1\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        "Content-Length: 0\r\n\r\n";

    /// <summary>
    /// An out-of-dialog MESSAGE (RFC 3428), by default from Anna Rossi at 102. The branch follows the
    /// Call-ID: the same Call-ID is a retransmission, another one a new message.
    /// </summary>
    public static byte[] Message(string body, string contentType = "text/plain;charset=UTF-8", string callId = "msg-1", string from = AnnaRossi) =>
        Message(Encoding.UTF8.GetBytes(body), contentType, callId, from);

    /// <summary>The body goes out byte for byte, whatever its charset.</summary>
    public static byte[] Message(byte[] body, string contentType, string callId = "msg-1", string from = AnnaRossi) =>
        [.. Encoding.ASCII.GetBytes("MESSAGE sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK{callId};rport\r\n" +
        $"From: {from}\r\n" +
        "To: <sip:101@pbx>\r\n" +
        $"Call-ID: {callId}\r\n" +
        "CSeq: 1 MESSAGE\r\n" +
        $"Content-Type: {contentType}\r\n" +
        $"Content-Length: {body.Length}\r\n\r\n"), .. body];

    public static string Cancel() =>
        "CANCEL sip:101@127.0.0.1:5070 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKin1;rport\r\n" +
        "From: \"Anna Rossi\" <sip:102@pbx>;tag=anna\r\n" +
        "To: <sip:101@pbx>\r\n" +
        "Call-ID: in-1\r\n" +
        "CSeq: 5 CANCEL\r\n" +
        "Content-Length: 0\r\n\r\n";
}
