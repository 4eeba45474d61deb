using System.Globalization;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Subscriptions;

/// <summary>
/// Keeps the phone subscribed to its voicemail's message-waiting state (RFC 3842, over the
/// SIP events framework of RFC 6665) so it can light its message LED. SUBSCRIBE goes where
/// REGISTER goes (the outbound proxy or the registrar, RFC 3263 failover), addressed to the
/// account's own address of record, with Digest credentials on 401/407 per realm. The 2xx or
/// the first NOTIFY, whichever comes first (§4.1.2.4), creates the subscription's dialog; the
/// subscription is refreshed inside it at 85 % of the lifetime last granted (the 2xx's Expires
/// or a NOTIFY's expires=). A failure is retried with exponential back-off and jitter (30 s
/// doubling to 30 min, as for registration); a server without the package (489, 405, 501) or
/// one that ends the subscription as rejected or noresource (§4.1.3) is left alone until the
/// next <see cref="Start"/>. Every member runs on the signalling loop, and so do the events.
/// </summary>
public sealed partial class MessageWaitingSubscription : ISubscriberDialog
{
    public const string EventPackage = "message-summary";

    public const string SummaryType = "application/simple-message-summary";

    /// <summary>First retry delay after a failure; doubled per consecutive failure.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Longest delay between retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    private const string Subscribe = "SUBSCRIBE";

    /// <summary>
    /// Terminations with deactivated or timeout are followed by a new SUBSCRIBE at once
    /// (§4.1.3); after this many in a row without an active NOTIFY between them the server is
    /// treated as failing, so a notifier that terminates every subscription at once is not hammered.
    /// </summary>
    private const int MaxImmediateResubscriptions = 3;

    private readonly SipUserAgent agent;
    private readonly MessageWaitingOptions options;
    private readonly ILogger logger;
    private string callId = string.Empty;
    private string localTag = string.Empty;
    private uint sequence;
    private ChallengeResponder challenges;
    private Dialog? dialog;
    private bool started;
    private bool notified;
    private bool attemptFailed;
    private int consecutiveFailures;
    private int immediateResubscriptions;
    private int requestedExpires;
    private ITimer? nextAttempt;
    private ITimer? timerN;
    private TaskCompletionSource? unsubscribed;

    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid (<see cref="MessageWaitingOptions.Validate"/>).</exception>
    public MessageWaitingSubscription(SipUserAgent agent, MessageWaitingOptions options, ILogger<MessageWaitingSubscription> logger)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        this.agent = agent;
        this.options = options;
        this.logger = logger;
        challenges = agent.NewChallengeResponder();
        requestedExpires = options.ExpiresSeconds;
    }

    /// <summary>Raised when a NOTIFY brings a summary that differs from <see cref="State"/>. THREAD: signalling loop.</summary>
    public event Action<MessageWaitingState>? MessageWaitingChanged;

    /// <summary>Raised whenever <see cref="Phase"/> changes. THREAD: signalling loop.</summary>
    public event Action<SubscriptionPhase>? PhaseChanged;

    /// <summary>The last summary the server sent; null until the first NOTIFY with a body.</summary>
    public MessageWaitingState? State { get; private set; }

    public SubscriptionPhase Phase { get; private set; } = SubscriptionPhase.Idle;

    /// <summary>When the subscription lapses unless refreshed; null unless <see cref="SubscriptionPhase.Active"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When the next attempt goes out; null unless <see cref="SubscriptionPhase.Retrying"/>.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    /// <summary>A uniform random number in [0, 1) that spreads retries; tests replace it to make the back-off exact.</summary>
    internal Func<double> NextJitter { get; set; } = Random.Shared.NextDouble;

    private string MailboxUri => options.MailboxUri ?? agent.AddressOfRecord;

    /// <summary>Subscribes (a new subscription, forgetting an earlier refusal); nothing when already started. THREAD: signalling loop.</summary>
    public void Start()
    {
        if (started)
        {
            return;
        }

        started = true;
        consecutiveFailures = 0;
        immediateResubscriptions = 0;
        SubscribeAnew();
    }

    /// <summary>
    /// Stops refreshing and ends the subscription at the server (SUBSCRIBE with Expires: 0,
    /// RFC 6665 §4.1.2.3), answering a challenge to it like any other. The task completes on the
    /// loop when the server has given its final answer or the transaction timed out; at once
    /// when there is no subscription dialog. THREAD: signalling loop.
    /// </summary>
    public Task Stop()
    {
        if (!started)
        {
            return Task.CompletedTask;
        }

        started = false;
        nextAttempt?.Dispose();
        timerN?.Dispose();
        ExpiresAt = null;
        RetryAt = null;
        SetPhase(SubscriptionPhase.Idle);
        if (dialog is null)
        {
            // A 2xx still to come is answered with the un-SUBSCRIBE then (OnAccepted).
            return Task.CompletedTask;
        }

        unsubscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SendInDialog(0, credentials: null);
        return unsubscribed.Task;
    }

    /// <summary>A new subscription: new Call-ID and tag, so nothing of the last one's dialog carries over (§4.1.2.4).</summary>
    private void SubscribeAnew()
    {
        agent.ForgetSubscription(callId, localTag);
        callId = Identifiers.NewCallId();
        localTag = Identifiers.NewTag();
        sequence = Identifiers.NewSequence();
        challenges = agent.NewChallengeResponder();
        dialog = null;
        notified = false;
        attemptFailed = false;
        requestedExpires = options.ExpiresSeconds;
        agent.TrackSubscription(callId, localTag, this);
        RetryAt = null;
        SetPhase(SubscriptionPhase.Subscribing);
        SendInitial(credentials: null);
    }

    /// <summary>§4.1.2.1: the initial SUBSCRIBE, to the mailbox, routed as REGISTER is.</summary>
    private void SendInitial(IReadOnlyList<SipHeader>? credentials)
    {
        var mailbox = new NameAddress(null, MailboxUri, new Dictionary<string, string?>());
        var request = agent.NewRequest(Subscribe, MailboxUri, agent.LocalIdentity(localTag), mailbox, callId, ++sequence);
        var lifetime = requestedExpires;
        AddSubscriptionHeaders(request, lifetime, credentials);

        // §4.1.2.4, Timer N (§6): without a NOTIFY within 64·T1 of the SUBSCRIBE the subscription failed.
        var expected = callId;
        timerN?.Dispose();
        timerN = agent.Loop.Schedule(agent.Transactions.Context.Timers.TransactionTimeout, () =>
        {
            if (expected == callId && !notified)
            {
                OnFailure("no NOTIFY within 64*T1 (Timer N)");
            }
        });
        agent.SendOutOfDialog(request, response => OnResponse(request, response, lifetime), () => OnNoAnswer(request, lifetime));
    }

    /// <summary>A refresh or the un-SUBSCRIBE inside the dialog (§4.1.2.2, §4.1.2.3; RFC 3261 §12.2.1.1).</summary>
    private void SendInDialog(int lifetime, IReadOnlyList<SipHeader>? credentials)
    {
        var current = dialog!;
        var request = agent.NewRequest(Subscribe, current.RemoteTarget, current.Local, current.Remote, callId, ++sequence);
        foreach (var route in current.RouteSet)
        {
            request.Add(HeaderNames.Route, route);
        }

        AddSubscriptionHeaders(request, lifetime, credentials);
        if ((current.NextHop() ?? agent.NextHop) is not { } hop)
        {
            OnNoAnswer(request, lifetime);
            return;
        }

        agent.Transactions.SendRequest(request, hop, response => OnResponse(request, response, lifetime), () => OnNoAnswer(request, lifetime));
    }

    private void AddSubscriptionHeaders(SipRequest request, int lifetime, IReadOnlyList<SipHeader>? credentials)
    {
        request.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        request.Add(HeaderNames.Event, EventPackage);
        request.Add(HeaderNames.Accept, SummaryType);
        request.Add(HeaderNames.Expires, lifetime.ToString(CultureInfo.InvariantCulture));
        request.Add(HeaderNames.Allow, SipMethods.Allowed);
        foreach (var header in credentials ?? [])
        {
            request.Add(header.Name, header.Value);
        }
    }

    private void OnResponse(SipRequest request, SipResponse response, int lifetime)
    {
        // An answer to an earlier subscription's request, after a new one began.
        if (response.IsProvisional || request.CallId != callId)
        {
            return;
        }

        var inDialog = request.To.Tag is not null;
        if (response.StatusCode is 401 or 407 && challenges.TryAnswer(response, Subscribe, request.RequestUri, out var credentials))
        {
            if (inDialog)
            {
                SendInDialog(lifetime, credentials);
            }
            else
            {
                SendInitial(credentials);
            }

            return;
        }

        if (lifetime == 0)
        {
            logger.LogInformation("Message-waiting subscription removed: {Code} {Reason}", response.StatusCode, response.ReasonPhrase);
            unsubscribed?.TrySetResult();
            unsubscribed = null;
            return;
        }

        if (response.IsSuccess)
        {
            OnAccepted(response, inDialog, lifetime);
            return;
        }

        if (!started)
        {
            return;
        }

        switch (response.StatusCode)
        {
            case 423 when TryLengthenLifetime(response, lifetime, inDialog):
                return;
            case 481 when inDialog:
                // §4.1.2.2: the server no longer knows the subscription; a new one replaces it.
                logger.LogInformation("The voicemail server lost our message-waiting subscription; subscribing again");
                SubscribeAnew();
                return;
            case 489 or 405 or 501:
                Refuse($"{response.StatusCode} {response.ReasonPhrase}");
                return;
            default:
                OnFailure($"{response.StatusCode} {response.ReasonPhrase}");
                return;
        }
    }

    private void OnNoAnswer(SipRequest request, int lifetime)
    {
        if (request.CallId != callId)
        {
            return;
        }

        if (lifetime == 0)
        {
            unsubscribed?.TrySetResult();
            unsubscribed = null;
            return;
        }

        OnFailure("408 Request Timeout");
    }

    /// <summary>
    /// A 2xx: the dialog starts here unless a NOTIFY started it already (§4.1.2.4); a refresh's
    /// 2xx may move the remote target (SUBSCRIBE is a target refresh request, §4.1.2.2). The
    /// Expires granted may be shorter than asked (§4.1.2.1) and sets the next refresh.
    /// </summary>
    private void OnAccepted(SipResponse response, bool inDialog, int lifetime)
    {
        challenges.Reset();
        if (dialog is null && !inDialog && response.To.Tag is { } remoteTag)
        {
            dialog = new Dialog
            {
                CallId = callId,
                LocalTag = localTag,
                RemoteTag = remoteTag,
                Local = agent.LocalIdentity(localTag),
                Remote = response.To,
                RemoteTarget = ContactOf(response) ?? MailboxUri,
                RouteSet = response.GetAll(HeaderNames.RecordRoute).Reverse().ToList(),
            };
        }
        else if (dialog is not null && response.To.Tag == dialog.RemoteTag && ContactOf(response) is { } target)
        {
            dialog.RemoteTarget = target;
        }

        if (!started)
        {
            // Stopped while the SUBSCRIBE was on its way: take the subscription down again.
            if (dialog is not null)
            {
                SendInDialog(0, credentials: null);
            }

            return;
        }

        consecutiveFailures = 0;
        var granted = int.TryParse(response.Get(HeaderNames.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out var expires) ? expires : lifetime;
        ScheduleRefresh(granted);
        SetPhase(SubscriptionPhase.Active);
    }

    /// <summary>RFC 6665 §4.1.2.1 and RFC 3261 §10.2.8: 423 Interval Too Brief names the shortest lifetime accepted.</summary>
    private bool TryLengthenLifetime(SipResponse response, int lifetime, bool inDialog)
    {
        if (!int.TryParse(response.Get(HeaderNames.MinExpires), NumberStyles.None, CultureInfo.InvariantCulture, out var minimum) || minimum <= lifetime)
        {
            return false;
        }

        requestedExpires = minimum;
        if (inDialog)
        {
            SendInDialog(minimum, credentials: null);
        }
        else
        {
            SendInitial(credentials: null);
        }

        return true;
    }

    /// <summary>Refreshes at 85 % of <paramref name="seconds"/>, leaving time for a lost SUBSCRIBE to be retransmitted.</summary>
    private void ScheduleRefresh(int seconds)
    {
        nextAttempt?.Dispose();
        var now = agent.Loop.Time.GetUtcNow();
        ExpiresAt = now.AddSeconds(seconds);
        nextAttempt = agent.Loop.Schedule(TimeSpan.FromSeconds(Math.Max(1, seconds * 0.85)), Refresh);
    }

    private void Refresh()
    {
        if (!started)
        {
            return;
        }

        if (dialog is null)
        {
            SubscribeAnew();
            return;
        }

        SendInDialog(requestedExpires, credentials: null);
    }

    /// <summary>
    /// The attempt failed: the dialog is dropped and a new subscription follows after the
    /// back-off, or after <paramref name="atLeast"/> when the server asked for a longer wait.
    /// Once per subscription: Timer N and the SUBSCRIBE's own timeout may both report it.
    /// </summary>
    private void OnFailure(string why, TimeSpan? atLeast = null)
    {
        if (!started || attemptFailed)
        {
            return;
        }

        attemptFailed = true;
        EndDialog();
        consecutiveFailures++;
        var delay = RetryDelay();
        if (atLeast is { } minimum && minimum > delay)
        {
            delay = minimum;
        }

        logger.LogWarning("Message-waiting subscription failed: {Why}; retrying in {Delay}", why, delay);
        RetryAt = agent.Loop.Time.GetUtcNow() + delay;
        ExpiresAt = null;
        SetPhase(SubscriptionPhase.Retrying);
        nextAttempt?.Dispose();
        nextAttempt = agent.Loop.Schedule(delay, () =>
        {
            if (started)
            {
                SubscribeAnew();
            }
        });
    }

    /// <summary>The server has no message-waiting service for us: no more attempts until the next Start.</summary>
    private void Refuse(string why)
    {
        attemptFailed = true;
        EndDialog();
        nextAttempt?.Dispose();
        logger.LogWarning("The voicemail server refused the message-waiting subscription ({Why}); not retrying", why);
        ExpiresAt = null;
        RetryAt = null;
        SetPhase(SubscriptionPhase.Refused);
    }

    /// <summary>RFC 5626 §4.5 style: the ceiling doubles per consecutive failure; the wait is a random point between half the ceiling and the ceiling.</summary>
    private TimeSpan RetryDelay()
    {
        var ceiling = Math.Min(FirstRetryDelay.Ticks << Math.Min(consecutiveFailures - 1, 16), MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (NextJitter() / 2))));
    }

    private void EndDialog()
    {
        timerN?.Dispose();
        agent.ForgetSubscription(callId, localTag);
        dialog = null;
    }

    private void SetPhase(SubscriptionPhase phase)
    {
        if (phase == Phase)
        {
            return;
        }

        Phase = phase;
        PhaseChanged?.Invoke(phase);
    }

    private static string? ContactOf(SipMessage message) =>
        NameAddress.TryParse(message.Get(HeaderNames.Contact), out var contact) ? contact.Uri : null;
}
