using System.Net;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transport;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// Creates transactions and matches incoming messages to them (RFC 3261 §17.1.3, §17.2.3).
/// Runs on the signalling loop only.
/// </summary>
internal sealed class TransactionLayer(TransactionContext context)
{
    private readonly Dictionary<string, ClientTransaction> clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IServerTransaction> servers = new(StringComparer.Ordinal);

    public int Count => clients.Count + servers.Count;

    public TransactionContext Context => context;

    /// <summary>Sends a request in a new client transaction; the request's top Via must carry a fresh branch.</summary>
    public void SendRequest(SipRequest request, IPEndPoint destination, Action<SipResponse> onResponse, Action onTimeout)
    {
        ClientTransaction transaction = request.Method == SipMethods.Invite
            ? new ClientInviteTransaction(context, request, destination, onResponse, onTimeout)
            : new ClientNonInviteTransaction(context, request, destination, onResponse, onTimeout);
        var key = TransactionKey.ForClient(request.TopVia.Branch!, request.Method);
        clients[key] = transaction;
        transaction.Terminated += t =>
        {
            if (clients.TryGetValue(key, out var current) && current == t)
            {
                clients.Remove(key);
            }
        };
        transaction.Start();
    }

    /// <summary>Delivers a response to its client transaction; false when none matches.</summary>
    public bool TryDeliver(SipResponse response)
    {
        var branch = response.TopVia.Branch;
        if (branch is null || !clients.TryGetValue(TransactionKey.ForClient(branch, response.CSeq.Method), out var transaction))
        {
            return false;
        }

        transaction.Receive(response);
        return true;
    }

    /// <summary>
    /// The transport could not send a message (RFC 3261 §18.1.1): the client transaction whose
    /// request it was fails at once (§17.1.4). An ACK or a response that could not be sent is
    /// left to the peer, whose retransmissions or timers notice it.
    /// </summary>
    public void ReportSendFailure(SendFailure failure)
    {
        var failed = clients.Values.FirstOrDefault(t => t.IsRequest(failure.Destination, failure.Message.Span));
        failed?.FailTransport();
    }

    /// <summary>
    /// Absorbs a retransmitted request or an ACK for a non-2xx final response. Returns true when
    /// the request belonged to an existing server transaction.
    /// </summary>
    public bool TryAbsorb(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            // §17.2.3: an RFC 2543 ACK carries the To tag of the response it acknowledges.
            if (servers.TryGetValue(TransactionKey.ForServer(request, SipMethods.Invite), out var invite)
                && invite is ServerInviteTransaction { State: ServerTransactionState.Completed or ServerTransactionState.Confirmed } completed
                && (TransactionKey.HasMagicCookie(request.TopVia) || completed.ResponseToTag == request.To.Tag))
            {
                completed.ReceiveAck();
                return true;
            }

            return false;
        }

        if (servers.TryGetValue(TransactionKey.ForServer(request, request.Method), out var existing) && Repeats(existing.Request, request))
        {
            existing.ReceiveRetransmission();
            return true;
        }

        return false;
    }

    /// <summary>
    /// A retransmission repeats its request (RFC 3261 §17.1.1.2), and §17.2.3 trusts branches to be
    /// unique. A peer that reuses a branch for a new request, with another Request-URI, Call-ID,
    /// CSeq or To tag, gets that request processed rather than the earlier one's response; the new
    /// transaction takes the key over. For an RFC 2543 request the To tag is the one part of
    /// §17.2.3's match that the key leaves out.
    /// </summary>
    private static bool Repeats(SipRequest original, SipRequest candidate) =>
        original.CallId == candidate.CallId && original.CSeq.Number == candidate.CSeq.Number
        && original.RequestUri == candidate.RequestUri && original.To.Tag == candidate.To.Tag;

    /// <summary>
    /// The INVITE server transaction a CANCEL targets (§9.2): the same branch, or for an RFC 2543
    /// CANCEL the §17.2.3 match of an INVITE with the CANCEL's fields, To tag included.
    /// </summary>
    public ServerInviteTransaction? FindInviteFor(SipRequest cancel) =>
        servers.TryGetValue(TransactionKey.ForServer(cancel, SipMethods.Invite), out var t) && t is ServerInviteTransaction invite
        && (TransactionKey.HasMagicCookie(cancel.TopVia) || invite.Request.To.Tag == cancel.To.Tag)
            ? invite
            : null;

    public IServerTransaction CreateServer(SipRequest request, IPEndPoint responseDestination)
    {
        IServerTransaction transaction = request.Method == SipMethods.Invite
            ? new ServerInviteTransaction(context, request, responseDestination)
            : new ServerNonInviteTransaction(context, request, responseDestination);
        var key = TransactionKey.ForServer(request, request.Method);
        servers[key] = transaction;
        transaction.Terminated += t =>
        {
            if (servers.TryGetValue(key, out var current) && current == t)
            {
                servers.Remove(key);
            }
        };
        return transaction;
    }

    public void AbandonAll()
    {
        foreach (var transaction in clients.Values.ToList())
        {
            transaction.Abandon();
        }

        foreach (var transaction in servers.Values.ToList())
        {
            transaction.Abandon();
        }
    }
}
