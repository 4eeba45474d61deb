using System.Net;
using System.Net.Sockets;
using DeskPhone.Sip.Dialogs;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transactions;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// The user agent core (RFC 3261 §8): takes messages from the transport, matches them to
/// transactions and dialogs, answers what no one else handles, and starts calls and
/// registrations. Everything except <see cref="ReceiveDatagram"/> runs on the signalling loop.
/// </summary>
public sealed partial class SipUserAgent : IDisposable
{
    private readonly Dictionary<string, SipCall> calls = new(StringComparer.Ordinal);
    private readonly ILogger logger;
    private readonly ISipTransport transport;
    private readonly TrustedSourcePolicy trustedSources;
    private readonly SourceRateLimiter rateLimiter;
    private long queuedMessages;
    private long overloadDropped;
    private readonly NextHopTargets targets;

    public SipUserAgent(SipAgentOptions options, ISipTransport transport, SignallingLoop loop, SipTimers timers, ILoggerFactory loggers)
        : this(options, transport, loop, timers, loggers, new DnsServerResolver(options.DnsServers))
    {
    }

    /// <param name="resolver">Locates the registrar or outbound proxy; tests give a fake one.</param>
    internal SipUserAgent(SipAgentOptions options, ISipTransport transport, SignallingLoop loop, SipTimers timers, ILoggerFactory loggers, IServerResolver resolver)
    {
        Options = options;
        Loop = loop;
        this.transport = transport;
        logger = loggers.CreateLogger<SipUserAgent>();
        Transactions = new TransactionLayer(new TransactionContext(transport, loop, timers));
        PreloadedRoute = RouteThrough(options, transport.Name);
        targets = new NextHopTargets(options.OutboundProxy ?? options.Registrar, transport.Name, transport.LocalEndPoint.AddressFamily, resolver, loop, logger);
        LocalEndPoint = ReachableLocalEndPoint(transport.LocalEndPoint, targets.Current);
        trustedSources = new TrustedSourcePolicy(loop.Time, logger);
        rateLimiter = new SourceRateLimiter(loop.Time, options.UntrustedRequestsPerSecond, options.UntrustedRequestBurst);
        trustedSources.Trust(TrustedAddresses(targets.All));
        targets.Resolved += list => trustedSources.Trust(TrustedAddresses(list));
        targets.CurrentChanged += () => LocalEndPoint = ReachableLocalEndPoint(transport.LocalEndPoint, targets.Current);
        Registration = new RegistrationClient(this, loggers.CreateLogger<RegistrationClient>());
        if (transport is IConnectionTransport connections)
        {
            KeepAlive = KeepFlowAlive(connections);
            connections.SendFailed += failure => Loop.Post(() => Transactions.ReportSendFailure(failure));
        }
    }

    /// <summary>A new call from the network, already answered 100 Trying. THREAD: signalling loop.</summary>
    public event Action<SipCall>? IncomingCall;

    public SipAgentOptions Options { get; }

    public RegistrationClient Registration { get; }

    /// <summary>
    /// The address and port the peers reach us on (used in Via and Contact). When the socket is
    /// bound to a wildcard address it follows <see cref="NextHop"/>. THREAD: signalling loop.
    /// </summary>
    public IPEndPoint LocalEndPoint { get; private set; }

    /// <summary>Number of dropped datagrams: unparseable, or responses to nothing we sent. THREAD: signalling loop.</summary>
    public long DroppedMessages { get; private set; }

    /// <summary>Out-of-dialog requests dropped because they came from elsewhere than the registrar (<see cref="SipAgentOptions.TrustedSourcesOnly"/>). THREAD: signalling loop.</summary>
    public long UntrustedDropped => trustedSources.Dropped;

    /// <summary>Out-of-dialog requests dropped because their source exceeded its rate (<see cref="SipAgentOptions.UntrustedRequestsPerSecond"/>). THREAD: signalling loop.</summary>
    public long RateLimited => rateLimiter.Dropped;

    /// <summary>Messages dropped unparsed because the loop had <see cref="SipAgentOptions.MaxQueuedMessages"/> waiting. THREAD: any.</summary>
    public long OverloadDropped => Interlocked.Read(ref overloadDropped);

    internal SignallingLoop Loop { get; }

    internal TransactionLayer Transactions { get; }

    internal ILogger Logger => logger;

    /// <summary>
    /// Parses one message (a UDP datagram, or one framed from a TCP stream) and posts it to the
    /// loop. THREAD: the transport's receive thread or connection task.
    /// </summary>
    public void ReceiveDatagram(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (Interlocked.Increment(ref queuedMessages) > Options.MaxQueuedMessages)
        {
            Interlocked.Decrement(ref queuedMessages);
            Interlocked.Increment(ref overloadDropped);
            return;
        }

        var result = SipMessageParser.Parse(datagram);
        Loop.Post(() =>
        {
            Interlocked.Decrement(ref queuedMessages);
            Dispatch(result, source);
        });
    }

    /// <summary>Places a call to an extension or SIP URI through the PBX. THREAD: signalling loop.</summary>
    public SipCall Dial(string target, ReadOnlyMemory<byte> offer) =>
        SipCall.StartOutgoing(this, TargetUri(target), offer, []);

    /// <summary>
    /// The new call a transfer asks for (RFC 3515 §2.4.3): to the Refer-To target, with Replaces
    /// when the transferor gave one (RFC 3891 §4, attended transfer) and Referred-By (RFC 3892).
    /// </summary>
    public SipCall DialTransfer(IncomingTransfer transfer, ReadOnlyMemory<byte> offer)
    {
        var headers = new List<SipHeader>();
        if (transfer.Replaces is { } replaces)
        {
            headers.Add(new SipHeader("Replaces", replaces));
        }

        if (transfer.ReferredBy is { } referredBy)
        {
            headers.Add(new SipHeader("Referred-By", referredBy));
        }

        return SipCall.StartOutgoing(this, transfer.Target, offer, headers);
    }

    public void Dispose()
    {
        targets.Dispose();
        Transactions.AbandonAll();
    }

    internal void Track(SipCall call, string dialogKey) => calls[dialogKey] = call;

    internal void Forget(string dialogKey) => calls.Remove(dialogKey);

    internal string AddressOfRecord => $"sip:{Options.User}@{Options.Domain}";

    /// <summary>Our Contact; names the transport unless it is UDP, the default (RFC 3261 §19.1.1, §18.1.1).</summary>
    internal string ContactUri => transport.Name == "UDP"
        ? $"sip:{Options.User}@{FormatHost(LocalEndPoint.Address)}:{LocalEndPoint.Port}"
        : $"sip:{Options.User}@{FormatHost(LocalEndPoint.Address)}:{LocalEndPoint.Port};transport={transport.Name.ToLowerInvariant()}";

    internal string TargetUri(string target) =>
        target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            ? target
            : $"sip:{target}@{Options.Domain}";

    /// <summary>A new request with a fresh top Via (RFC 3261 §8.1.1), From, To, Call-ID and CSeq.</summary>
    internal SipRequest NewRequest(string method, string requestUri, NameAddress from, NameAddress to, string callId, uint sequence)
    {
        var request = new SipRequest(method, requestUri);
        request.Add(HeaderNames.Via, ViaValue(Identifiers.NewBranch()));
        request.Add(HeaderNames.MaxForwards, "70");
        request.Add(HeaderNames.From, from.ToString());
        request.Add(HeaderNames.To, to.ToString());
        request.Add(HeaderNames.CallId, callId);
        request.Add(HeaderNames.CSeq, new CSeq(sequence, method).ToString());
        request.Add(HeaderNames.UserAgent, Options.UserAgentName);
        return request;
    }

    /// <summary>Our Via with <paramref name="branch"/>, asking for rport (RFC 3581).</summary>
    internal string ViaValue(string branch) =>
        $"SIP/2.0/{transport.Name} {FormatHost(LocalEndPoint.Address)}:{LocalEndPoint.Port};branch={branch};rport";

    internal Auth.ChallengeResponder NewChallengeResponder() => new(Options.AuthUser ?? Options.User, Options.Password);

    internal NameAddress LocalIdentity(string tag) =>
        new NameAddress(Options.DisplayName, AddressOfRecord, new Dictionary<string, string?>()).WithTag(tag);

    internal void Respond(IServerTransaction transaction, int code, string reason, string? toTag = null)
    {
        var response = ResponseFactory.Create(transaction.Request, code, reason, toTag);
        if (code is 405 or 501)
        {
            response.Add(HeaderNames.Allow, SipMethods.Allowed);
        }

        transaction.Respond(response);
    }

    private void Dispatch(SipParseResult result, IPEndPoint source)
    {
        if (!result.Success)
        {
            if (result.AnswerableRequest is { Method: not SipMethods.Ack } bad)
            {
                if (bad.To.Tag is null && RefusesSource(bad.Method, source))
                {
                    return;
                }

                // RFC 3261 §8.2: a request we cannot process but can answer gets 400 naming the
                // defect, or 505 when it speaks another SIP version (§21.5.6).
                var transaction = Transactions.CreateServer(bad, ResponseDestination(bad, source));
                if (result.UnsupportedVersion)
                {
                    Respond(transaction, 505, "Version Not Supported");
                }
                else
                {
                    Respond(transaction, 400, "Bad Request - " + result.Defect);
                }
            }
            else
            {
                DroppedMessages++;
                logger.LogDebug("Dropped a datagram from {Source}: {Defect}", source, result.Defect);
            }

            return;
        }

        switch (result.Message)
        {
            case SipResponse response:
                DispatchResponse(response);
                break;
            case SipRequest request:
                DispatchRequest(request, source);
                break;
        }
    }

    private void DispatchResponse(SipResponse response)
    {
        if (Transactions.TryDeliver(response))
        {
            return;
        }

        // A 2xx to our INVITE retransmitted after the transaction ended: the dialog re-sends its ACK (§13.2.2.4).
        if (response.IsSuccess && response.CSeq.Method == SipMethods.Invite
            && calls.TryGetValue(Dialog.DialogKey(response.CallId, response.From.Tag ?? string.Empty, response.To.Tag), out var call))
        {
            call.ReceiveInviteSuccessRetransmission(response);
            return;
        }

        DroppedMessages++;
    }

    /// <summary>
    /// OPTIONS outside a dialog is answered as a stateless UAS (RFC 3261 §8.2.7): no server
    /// transaction is kept for Timer J's 32 s, so a keep-alive or a scanner's flood costs no
    /// memory. A retransmission is answered again, identically: the To tag is derived from the
    /// request, not drawn at random.
    /// </summary>
    private void AnswerOptionsStatelessly(SipRequest request, IPEndPoint source)
    {
        var tag = ((uint)HashCode.Combine(request.CallId, request.From.Tag, request.TopVia.Branch)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var options = ResponseFactory.Create(request, 200, "OK", tag);
        options.Add(HeaderNames.Allow, SipMethods.Allowed);
        options.Add(HeaderNames.Accept, "application/sdp");
        Transactions.Context.Send(options.ToBytes(), ResponseDestination(request, source));
    }

    private void DispatchRequest(SipRequest request, IPEndPoint source)
    {
        if (Transactions.TryAbsorb(request))
        {
            return;
        }

        var toTag = request.To.Tag;
        if (request.Method == SipMethods.Ack)
        {
            if (toTag is not null && calls.TryGetValue(Dialog.DialogKey(request.CallId, toTag, request.From.Tag), out var acked))
            {
                acked.ReceiveAck(request);
            }

            return;
        }

        // In-dialog requests and CANCEL are matched to dialogs and transactions; only requests that
        // could start something new meet the trusted-source policy.
        if (toTag is null && request.Method != SipMethods.Cancel
            && (RefusesSource(request.Method, source) || (!trustedSources.IsTrusted(source) && !rateLimiter.TryTake(source.Address))))
        {
            return;
        }

        if (toTag is null && request.Method == SipMethods.Options && RequestInspection.Reject(request) is null)
        {
            AnswerOptionsStatelessly(request, source);
            return;
        }

        var transaction = Transactions.CreateServer(request, ResponseDestination(request, source));
        if (request.Method == SipMethods.Cancel)
        {
            HandleCancel(request, transaction);
            return;
        }

        if (RequestInspection.Reject(request) is { } rejection)
        {
            transaction.Respond(rejection);
            return;
        }

        if (toTag is not null)
        {
            if (calls.TryGetValue(Dialog.DialogKey(request.CallId, toTag, request.From.Tag), out var call))
            {
                call.ReceiveInDialog(request, transaction);
            }
            else if (!TryDeliverToSubscription(request, transaction))
            {
                Respond(transaction, 481, "Call/Transaction Does Not Exist");
            }

            return;
        }

        switch (request.Method)
        {
            case SipMethods.Invite:
                if (!TryFindReplaced(request, out var replaced))
                {
                    Respond(transaction, 481, "Call/Transaction Does Not Exist");
                    return;
                }

                // RFC 4028 §9: an interval below our minimum is refused before the phone rings.
                if (SessionIntervals.Refuse(request) is { } refusal)
                {
                    transaction.Respond(refusal);
                    return;
                }

                var incoming = SipCall.StartIncoming(this, request, (ServerInviteTransaction)transaction);
                incoming.Replaces = replaced;
                if (IncomingCall is null)
                {
                    incoming.Reject(480, "Temporarily Unavailable");
                }
                else
                {
                    IncomingCall(incoming);
                }

                break;
            case SipMethods.Message:
                ReceiveMessage(request, transaction);
                break;
            case SipMethods.Update:
                // RFC 3311 §5.1: UPDATE only exists inside a dialog, and this one names none of ours.
                Respond(transaction, 481, "Call/Transaction Does Not Exist");
                break;
            case SipMethods.Bye or SipMethods.Ack or SipMethods.Cancel or SipMethods.Register
                or SipMethods.Refer or SipMethods.Notify or SipMethods.Info or "SUBSCRIBE" or "PRACK" or "PUBLISH":
                Respond(transaction, 405, "Method Not Allowed");
                break;
            default:
                Respond(transaction, 501, "Not Implemented");
                break;
        }
    }

    /// <summary>
    /// The call an INVITE's Replaces header names (RFC 3891 §3: to-tag is ours, from-tag the peer's);
    /// false when the header is there but names no call of ours.
    /// </summary>
    private bool TryFindReplaced(SipRequest invite, out SipCall? replaced)
    {
        replaced = null;
        var value = invite.Get("Replaces");
        if (value is null)
        {
            return true;
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        string? toTag = null, fromTag = null;
        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("to-tag=", StringComparison.OrdinalIgnoreCase))
            {
                toTag = part["to-tag=".Length..];
            }
            else if (part.StartsWith("from-tag=", StringComparison.OrdinalIgnoreCase))
            {
                fromTag = part["from-tag=".Length..];
            }
        }

        return toTag is not null && fromTag is not null
            && calls.TryGetValue(Dialog.DialogKey(parts[0], toTag, fromTag), out replaced)
            && replaced.State is not CallState.Ended;
    }

    private void HandleCancel(SipRequest cancel, IServerTransaction transaction)
    {
        var invite = Transactions.FindInviteFor(cancel);
        if (invite is null)
        {
            Respond(transaction, 481, "Call/Transaction Does Not Exist");
            return;
        }

        Respond(transaction, 200, "OK");
        foreach (var call in calls.Values)
        {
            if (call.IsServedBy(invite))
            {
                call.ReceiveCancel();
                return;
            }
        }
    }

    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();

    /// <summary>
    /// When bound to a wildcard address, the address the kernel would use toward the next hop:
    /// that is what peers can reach and what goes in Via and Contact. Before a host name has
    /// resolved, the address toward a documentation prefix (RFC 5737, RFC 3849) stands in: the
    /// default route's, which is the PBX's on a one-interface phone. Connecting a UDP socket
    /// sends nothing.
    /// </summary>
    private static IPEndPoint ReachableLocalEndPoint(IPEndPoint bound, IPEndPoint? nextHop)
    {
        if (!bound.Address.Equals(IPAddress.Any) && !bound.Address.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }

        var toward = nextHop ?? (bound.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5060)
            : new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060));
        try
        {
            using var probe = new Socket(toward.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(toward);
            return new IPEndPoint(((IPEndPoint)probe.LocalEndPoint!).Address, bound.Port);
        }
        catch (SocketException)
        {
            // No route at all yet: loopback until the next hop is known.
            return new IPEndPoint(bound.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, bound.Port);
        }
    }

    /// <summary>The addresses whose requests the trusted-source policy lets through: the next hop's targets and a literal registrar.</summary>
    private List<IPAddress> TrustedAddresses(IReadOnlyList<IPEndPoint> nextHops)
    {
        var addresses = nextHops.Select(target => Unmapped(target.Address)).ToList();
        if (Options.Registrar.Literal is { } registrar)
        {
            addresses.Add(Unmapped(registrar));
        }

        return addresses;
    }
}
