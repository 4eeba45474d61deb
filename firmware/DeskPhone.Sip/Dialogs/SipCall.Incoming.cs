using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>The callee's side (RFC 3261 §13.3): ringing, answering with 2xx retransmission, rejecting, CANCEL.</summary>
public sealed partial class SipCall
{
    private ServerInviteTransaction? inviteTransaction;
    private byte[]? successResponse;
    private System.Net.IPEndPoint? successDestination;
    private uint successSequence;
    private TimeSpan successInterval;
    private ITimer? successRetransmit;
    private ITimer? successGiveUp;

    internal static SipCall StartIncoming(SipUserAgent agent, SipRequest request, ServerInviteTransaction transaction)
    {
        var localTag = Identifiers.NewTag();
        var dialog = new Dialog
        {
            CallId = request.CallId,
            LocalTag = localTag,
            Local = request.To.WithTag(localTag),
            Remote = request.From,
            RemoteTag = request.From.Tag,
            RemoteSequence = request.CSeq.Number,
            LocalSequence = Identifiers.NewSequence(),
            RemoteTarget = NameAddress.TryParse(request.GetAll(HeaderNames.Contact).FirstOrDefault(), out var contact) ? contact.Uri : request.From.Uri,

            // §12.1.1: the UAS's route set is the Record-Route of the request, in order.
            RouteSet = request.GetAll(HeaderNames.RecordRoute).ToList(),
        };
        var call = new SipCall(agent, CallDirection.Incoming, dialog)
        {
            State = CallState.Incoming,
            inviteTransaction = transaction,
            RemoteSdp = request.Body,
        };
        agent.Track(call, dialog.Key);
        transaction.Respond(ResponseFactory.Create(request, 100, "Trying"));
        return call;
    }

    /// <summary>Tells the caller we are alerting the user (180 Ringing).</summary>
    public void Ring()
    {
        if (State == CallState.Incoming)
        {
            inviteTransaction!.Respond(DialogResponse(180, "Ringing"));
        }
    }

    /// <summary>Answers with 200 OK carrying our session description; retransmitted until ACKed (§13.3.1.4).</summary>
    public void Answer(ReadOnlyMemory<byte> sdp)
    {
        if (State != CallState.Incoming)
        {
            return;
        }

        localSdp = sdp;
        var response = DialogResponse(200, "OK");
        AddBody(response, sdp);

        // RFC 4028 §9: the caller refreshes unless it asked otherwise or cannot.
        GrantInterval(inviteTransaction!.Request, response, SessionRefresher.Uac);
        offerAwaitingAck = inviteTransaction.Request.Body.IsEmpty;
        inviteTransaction.Respond(response);
        RetransmitUntilAcked(response, inviteTransaction.ResponseDestination, inviteTransaction.Request.CSeq.Number);
        StatusCode = 200;
        SetState(CallState.Connected);
    }

    /// <summary>Declines the incoming call with a final error response (e.g. 486 Busy Here, 603 Decline).</summary>
    public void Reject(int statusCode, string reasonPhrase)
    {
        if (State != CallState.Incoming)
        {
            return;
        }

        inviteTransaction!.Respond(DialogResponse(statusCode, reasonPhrase));
        End(CallEndReason.Rejected, statusCode, reasonPhrase);
    }

    internal void ReceiveCancel()
    {
        if (State != CallState.Incoming)
        {
            return;
        }

        inviteTransaction!.Respond(DialogResponse(487, "Request Terminated"));
        End(CallEndReason.CancelledByCaller, 487, "Request Terminated");
    }

    internal void ReceiveAck(SipRequest ack)
    {
        if (successResponse is null || ack.CSeq.Number != successSequence)
        {
            return;
        }

        StopRetransmittingSuccess();
        offerAwaitingAck = false;

        // §13.3.1: when the INVITE had no offer, the ACK carries the answer.
        SetRemoteSdp(ack);
    }

    /// <summary>
    /// The UAS core keeps sending a 2xx to an INVITE until its ACK arrives (§13.3.1.4): T1 doubling
    /// up to T2, and after 64·T1 without ACK the dialog ends with BYE.
    /// </summary>
    private void RetransmitUntilAcked(SipResponse response, System.Net.IPEndPoint destination, uint sequence)
    {
        StopRetransmittingSuccess();
        successResponse = response.ToBytes();
        successDestination = destination;
        successSequence = sequence;
        successInterval = agent.Transactions.Context.Timers.T1;
        successRetransmit = agent.Loop.Schedule(successInterval, RetransmitSuccess);
        successGiveUp = agent.Loop.Schedule(agent.Transactions.Context.Timers.TransactionTimeout, () =>
        {
            SendBye();
            End(CallEndReason.Timeout, 408, "No ACK");
        });
    }

    private void RetransmitSuccess()
    {
        if (successRetransmit is null || successResponse is null)
        {
            return;
        }

        agent.Transactions.Context.Send(successResponse, successDestination!);
        var timers = agent.Transactions.Context.Timers;
        successInterval = TimeSpan.FromTicks(Math.Min(successInterval.Ticks * 2, timers.T2.Ticks));
        successRetransmit = agent.Loop.Schedule(successInterval, RetransmitSuccess);
    }

    private void StopRetransmittingSuccess()
    {
        successRetransmit?.Dispose();
        successRetransmit = null;
        successGiveUp?.Dispose();
        successGiveUp = null;
    }

    /// <summary>A response inside the dialog being formed: our To tag, Contact and Record-Route (§12.1.1).</summary>
    private SipResponse DialogResponse(int code, string reason)
    {
        var request = inviteTransaction!.Request;
        var response = ResponseFactory.Create(request, code, reason, dialog.LocalTag);
        if (code < 300)
        {
            foreach (var recordRoute in request.GetAll(HeaderNames.RecordRoute))
            {
                response.Add(HeaderNames.RecordRoute, recordRoute);
            }

            response.Add(HeaderNames.Contact, $"<{agent.ContactUri}>");
            response.Add(HeaderNames.Allow, SipMethods.Allowed);
            if (code < 200)
            {
                response.Add(HeaderNames.Supported, SipOptionTags.SupportedList);
            }
        }

        return response;
    }
}
