using System.Globalization;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Messages;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Registration;

/// <summary>
/// Keeps the phone registered (RFC 3261 §10.2): one Call-ID with a rising CSeq, Digest
/// credentials on 401/407 (§22.2), a longer lifetime when the registrar asks for one with 423
/// and Min-Expires (§10.2.8), a refresh before the binding expires, and on failure a retry with
/// exponential back-off and jitter (RFC 5626 §4.5) so a wrong password never hammers the PBX
/// and a room of phones that lost their PBX together does not come back in lock-step.
/// REGISTER goes to the registrar's address in use and fails over to the next on a timeout or
/// 503 (RFC 3263 §4.3, <see cref="SipUserAgent.SendOutOfDialog"/>). The registration heals
/// itself: it registers again at once when the registrar's 200 to a refresh no longer lists our
/// Contact (it lost the binding), and when another request found our registrar silent and
/// moved to the next address (our binding sits where calls no longer come from).
/// Runs on the loop.
/// </summary>
public sealed class RegistrationClient
{
    /// <summary>First retry delay after a failure; doubled per consecutive failure.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Longest delay between retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    private readonly SipUserAgent agent;
    private readonly ILogger logger;
    private readonly string callId = Identifiers.NewCallId();
    private readonly string fromTag = Identifiers.NewTag();
    private readonly ChallengeResponder challenges;
    private uint sequence = Identifiers.NewSequence();
    private int consecutiveFailures;
    private ITimer? nextAttempt;
    private bool stopped;
    private int requestedExpires;
    private TaskCompletionSource? unregistered;
    private bool pending;
    private bool contactListed;
    private System.Net.IPEndPoint? registeredAt;

    internal RegistrationClient(SipUserAgent agent, ILogger<RegistrationClient> logger)
    {
        this.agent = agent;
        this.logger = logger;
        challenges = agent.NewChallengeResponder();
        requestedExpires = agent.Options.RegisterExpiresSeconds;
        agent.Targets.CurrentChanged += OnNextHopMoved;
    }

    /// <summary>
    /// A uniform random number in [0, 1) that spreads retries (RFC 5626 §4.5); tests replace it
    /// to make the back-off exact.
    /// </summary>
    internal Func<double> NextJitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>Raised whenever <see cref="Status"/> changes. THREAD: signalling loop.</summary>
    public event Action<RegistrationStatus>? Changed;

    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Initial;

    /// <summary>Number of REGISTER requests sent (each transaction counted once).</summary>
    public int Attempts { get; private set; }

    /// <summary>Starts registering. THREAD: signalling loop.</summary>
    public void Start()
    {
        stopped = false;
        Send(authorization: null);
    }

    /// <summary>
    /// Stops refreshing and removes the binding (Expires: 0), answering a challenge to the
    /// de-REGISTER like any other. The task completes on the loop when the registrar has given
    /// its final answer or the transaction has timed out (Timer F); at once when not registered.
    /// THREAD: signalling loop.
    /// </summary>
    public Task Stop()
    {
        stopped = true;
        nextAttempt?.Dispose();
        var wasRegistered = Status.Phase == RegistrationPhase.Registered;
        SetStatus(RegistrationStatus.Initial);
        if (!wasRegistered)
        {
            return Task.CompletedTask;
        }

        unregistered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Send(authorization: null, expires: 0);
        return unregistered.Task;
    }

    /// <summary>
    /// The connection to the registrar failed (RFC 5626 §4.4.1): registers again at once, which
    /// opens a new one, instead of waiting for the refresh; a failure then backs off as usual.
    /// Ignored unless registered, so a registrar that cannot be reached is not hammered.
    /// THREAD: signalling loop.
    /// </summary>
    internal void RecoverFlow()
    {
        if (stopped || Status.Phase != RegistrationPhase.Registered)
        {
            return;
        }

        nextAttempt?.Dispose();
        SetStatus(Status with { Phase = RegistrationPhase.Registering });
        Send(authorization: null);
    }

    private void Send(IReadOnlyList<SipHeader>? authorization, int? expires = null)
    {
        var lifetime = expires ?? requestedExpires;
        var aor = new NameAddress(agent.Options.DisplayName, agent.AddressOfRecord, new Dictionary<string, string?>());
        var request = agent.NewRequest(SipMethods.Register, $"sip:{agent.Options.Domain}", aor.WithTag(fromTag), aor, callId, ++sequence);
        request.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
        request.Add(HeaderNames.Expires, lifetime.ToString(CultureInfo.InvariantCulture));
        request.Add(HeaderNames.Allow, SipMethods.Allowed);
        foreach (var auth in authorization ?? [])
        {
            request.Add(auth.Name, auth.Value);
        }

        Attempts++;
        pending = true;
        if (lifetime > 0 && Status.Phase != RegistrationPhase.Registered)
        {
            SetStatus(Status with { Phase = RegistrationPhase.Registering });
        }

        // The de-REGISTER removes the binding where it is; another address has none to remove.
        agent.SendOutOfDialog(
            request,
            response => OnResponse(request, response, lifetime),
            () =>
            {
                pending = false;
                OnFailure(408, "Request Timeout", lifetime);
            },
            failover: lifetime > 0);
    }

    private void OnResponse(SipRequest request, SipResponse response, int lifetime)
    {
        if (response.IsProvisional)
        {
            return;
        }

        pending = false;
        if (response.StatusCode is 401 or 407 && TryAnswerChallenge(request, response, lifetime))
        {
            return;
        }

        if (lifetime == 0)
        {
            OnUnregistered(response.StatusCode, response.ReasonPhrase);
            return;
        }

        if (response.IsSuccess)
        {
            OnRegistered(response);
            return;
        }

        if (response.StatusCode == 423 && TryLengthenLifetime(response, lifetime))
        {
            return;
        }

        OnFailure(response.StatusCode, response.ReasonPhrase, lifetime);
    }

    /// <summary>RFC 3261 §10.2.8: 423 Interval Too Brief names the shortest lifetime accepted.</summary>
    private bool TryLengthenLifetime(SipResponse response, int lifetime)
    {
        if (!int.TryParse(response.Get(HeaderNames.MinExpires), NumberStyles.None, CultureInfo.InvariantCulture, out var minimum)
            || minimum <= lifetime)
        {
            return false;
        }

        logger.LogInformation("Registrar requires a registration of at least {Minimum} s; asked {Lifetime} s", minimum, lifetime);
        requestedExpires = minimum;
        Send(authorization: null);
        return true;
    }

    private void OnUnregistered(int code, string reason)
    {
        logger.LogInformation("Unregistered: {Code} {Reason}", code, reason);
        unregistered?.TrySetResult();
        unregistered = null;
    }

    private bool TryAnswerChallenge(SipRequest request, SipResponse response, int lifetime)
    {
        if (!challenges.TryAnswer(response, SipMethods.Register, request.RequestUri, out var credentials))
        {
            return false;
        }

        Send(credentials, lifetime);
        return true;
    }

    private void OnRegistered(SipResponse response)
    {
        // RFC 3261 §10.3 step 8: the 200 lists every binding of the address of record. A refresh
        // answered without ours means the registrar lost it (a restart with bindings in memory):
        // register again now rather than stay unreachable until the next refresh. Only when the
        // previous answer did list it, so a registrar that never lists bindings does not loop.
        var listed = TryFindOurContact(response, out var contactExpires);
        if (!listed && contactListed)
        {
            contactListed = false;
            logger.LogWarning("The registrar's 200 no longer lists our Contact {Contact}: it lost the binding; registering again", agent.ContactUri);
            Send(authorization: null);
            return;
        }

        contactListed = listed;
        registeredAt = agent.NextHop;
        consecutiveFailures = 0;
        challenges.Reset();
        var granted = contactExpires ?? HeaderExpires(response);
        var now = agent.Loop.Time.GetUtcNow();
        SetStatus(new RegistrationStatus(RegistrationPhase.Registered, response.StatusCode, response.ReasonPhrase, now.AddSeconds(granted)));

        // Refresh well before expiry so one lost REGISTER can still be retransmitted in time.
        var refresh = TimeSpan.FromSeconds(Math.Max(1, granted > 60 ? granted - Math.Min(granted / 5, 300) : granted / 2));
        Schedule(refresh);
    }

    /// <summary>True when the response lists our Contact; its expires parameter, when it has one, is our lifetime (§10.2.4).</summary>
    private bool TryFindOurContact(SipResponse response, out int? expires)
    {
        expires = null;
        foreach (var contact in response.GetAll(HeaderNames.Contact))
        {
            if (NameAddress.TryParse(contact, out var address) && address.Uri.Equals(agent.ContactUri, StringComparison.OrdinalIgnoreCase))
            {
                if (address.Parameters.TryGetValue("expires", out var value)
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    expires = seconds;
                }

                return true;
            }
        }

        return false;
    }

    private int HeaderExpires(SipResponse response) =>
        int.TryParse(response.Get(HeaderNames.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? expires
            : agent.Options.RegisterExpiresSeconds;

    /// <summary>
    /// Another request (a call, a message) found the registrar's address we registered at silent
    /// and moved to the next (RFC 3263 §4.3): our binding is where calls no longer come from, so
    /// register with the new address now. Not while a REGISTER is under way: it fails over itself.
    /// </summary>
    private void OnNextHopMoved()
    {
        if (stopped || pending || Status.Phase != RegistrationPhase.Registered || agent.NextHop is not { } now || now.Equals(registeredAt))
        {
            return;
        }

        logger.LogWarning("The registrar at {Old} stopped answering; registering with {New}", registeredAt, now);
        nextAttempt?.Dispose();
        Send(authorization: null);
    }

    private void OnFailure(int code, string reason, int lifetime)
    {
        if (lifetime == 0)
        {
            OnUnregistered(code, reason);
            return;
        }

        if (stopped)
        {
            return;
        }

        consecutiveFailures++;
        challenges.Reset();
        var delay = RetryDelay();
        logger.LogWarning("Registration failed: {Code} {Reason}; retrying in {Delay}", code, reason, delay);
        SetStatus(new RegistrationStatus(RegistrationPhase.Failed, code, reason, RetryAt: agent.Loop.Time.GetUtcNow() + delay));
        Schedule(delay);
    }

    /// <summary>
    /// RFC 5626 §4.5: the ceiling doubles with each consecutive failure up to the maximum, and
    /// the wait is a random point between half the ceiling and the ceiling.
    /// </summary>
    private TimeSpan RetryDelay()
    {
        var ceiling = Math.Min(FirstRetryDelay.Ticks << Math.Min(consecutiveFailures - 1, 16), MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (NextJitter() / 2))));
    }

    private void Schedule(TimeSpan delay)
    {
        nextAttempt?.Dispose();
        nextAttempt = agent.Loop.Schedule(delay, () =>
        {
            if (!stopped)
            {
                Send(authorization: null);
            }
        });
    }

    private void SetStatus(RegistrationStatus status)
    {
        if (status == Status)
        {
            return;
        }

        Status = status;
        Changed?.Invoke(status);
    }
}
