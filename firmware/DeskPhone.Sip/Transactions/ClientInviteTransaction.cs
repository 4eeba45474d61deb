using System.Net;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5): Timer A retransmits while Calling
/// (UDP only), Timer B gives up, a final non-2xx response is ACKed here (§17.1.1.3) and Timer D
/// absorbs its retransmissions (32 s over UDP, zero over TCP). A 2xx ends the transaction; the
/// dialog ACKs it. Runs on the loop.
/// </summary>
internal sealed class ClientInviteTransaction(TransactionContext context, SipRequest request, IPEndPoint destination, Action<SipResponse> onResponse, Action onTimeout)
    : ClientTransaction(context, request, destination, onResponse, onTimeout, ClientTransactionState.Calling)
{
    private TimeSpan retransmitInterval;
    private byte[]? ack;
    private ITimer? timerA;
    private ITimer? timerB;
    private ITimer? timerD;

    public override void Start()
    {
        Transmit();
        retransmitInterval = Context.Timers.T1;
        if (!Context.Reliable)
        {
            timerA = Context.Loop.Schedule(retransmitInterval, OnTimerA);
        }

        timerB = Context.Loop.Schedule(Context.Timers.TransactionTimeout, OnTimerB);
    }

    public override void Receive(SipResponse response)
    {
        switch (State)
        {
            case ClientTransactionState.Calling or ClientTransactionState.Proceeding when response.IsProvisional:
                State = ClientTransactionState.Proceeding;
                timerA?.Dispose();
                OnResponse(response);
                break;
            case ClientTransactionState.Calling or ClientTransactionState.Proceeding when response.IsSuccess:
                Terminate();
                OnResponse(response);
                break;
            case ClientTransactionState.Calling or ClientTransactionState.Proceeding:
                State = ClientTransactionState.Completed;
                timerA?.Dispose();
                timerB?.Dispose();
                ack = BuildAck(response).ToBytes();
                Context.Send(ack, Destination);
                OnResponse(response);
                timerD = Context.AfterRetransmissionWait(TimeSpan.FromSeconds(32), Terminate);
                break;
            case ClientTransactionState.Completed when !response.IsProvisional && !response.IsSuccess:
                Context.Send(ack!, Destination);
                break;
        }
    }

    protected override void StopTimers()
    {
        timerA?.Dispose();
        timerB?.Dispose();
        timerD?.Dispose();
    }

    /// <summary>The ACK for a non-2xx final response (RFC 3261 §17.1.1.3).</summary>
    private SipRequest BuildAck(SipResponse response)
    {
        var ackRequest = new SipRequest(SipMethods.Ack, Request.RequestUri);
        ackRequest.Add(HeaderNames.Via, Request.GetAll(HeaderNames.Via).First());
        foreach (var route in Request.GetAll(HeaderNames.Route))
        {
            ackRequest.Add(HeaderNames.Route, route);
        }

        ackRequest.Add(HeaderNames.MaxForwards, "70");
        ackRequest.Add(HeaderNames.From, Request.Get(HeaderNames.From)!);
        ackRequest.Add(HeaderNames.To, response.Get(HeaderNames.To)!);
        ackRequest.Add(HeaderNames.CallId, Request.CallId);
        ackRequest.Add(HeaderNames.CSeq, new CSeq(Request.CSeq.Number, SipMethods.Ack).ToString());
        return ackRequest;
    }

    private void OnTimerA()
    {
        if (State != ClientTransactionState.Calling)
        {
            return;
        }

        Transmit();
        retransmitInterval *= 2;
        timerA = Context.Loop.Schedule(retransmitInterval, OnTimerA);
    }

    private void OnTimerB()
    {
        if (State == ClientTransactionState.Calling)
        {
            TimeOut();
        }
    }
}
