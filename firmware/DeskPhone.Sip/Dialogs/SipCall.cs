using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// One call: an INVITE dialog seen from the phone (RFC 3261 §13–15). Session descriptions pass
/// through as opaque bytes; this class never looks inside them. Every member runs on the
/// signalling loop, and every event is raised there.
/// </summary>
public sealed partial class SipCall
{
    private const string SdpContentType = "application/sdp";

    private readonly SipUserAgent agent;
    private readonly Dialog dialog;
    private ReadOnlyMemory<byte> localSdp;
    private ITimer? forgetTimer;

    private SipCall(SipUserAgent agent, CallDirection direction, Dialog dialog)
    {
        this.agent = agent;
        Direction = direction;
        this.dialog = dialog;
    }

    /// <summary>Raised on every change of <see cref="State"/>. THREAD: signalling loop.</summary>
    public event Action<SipCall>? StateChanged;

    /// <summary>Raised when the peer sends a new session description. THREAD: signalling loop.</summary>
    public event Action<SipCall>? RemoteSdpChanged;

    public CallDirection Direction { get; }

    public CallState State { get; private set; }

    public CallEndReason EndReason { get; private set; }

    /// <summary>The status code of the final response that ended or answered the call, if any.</summary>
    public int? StatusCode { get; private set; }

    public string? ReasonPhrase { get; private set; }

    public ReadOnlyMemory<byte> RemoteSdp { get; private set; }

    public string CallId => dialog.CallId;

    /// <summary>The user part of the peer's address (the extension), or the whole URI.</summary>
    public string RemoteUser => dialog.Remote.SipUri?.User ?? dialog.Remote.Uri;

    public string? RemoteDisplayName => dialog.Remote.DisplayName;

    private void SetState(CallState state)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        StateChanged?.Invoke(this);
    }

    private void End(CallEndReason reason, int? statusCode = null, string? reasonPhrase = null)
    {
        if (State == CallState.Ended)
        {
            return;
        }

        EndReason = reason;
        StatusCode = statusCode ?? StatusCode;
        ReasonPhrase = reasonPhrase ?? ReasonPhrase;
        StopRetransmittingSuccess();
        StopSessionTimer();
        glareRetry?.Dispose();
        glareRetry = null;
        queuedOffer = null;
        SetState(CallState.Ended);

        // Stay matchable for a while: retransmitted BYEs, 2xx and ACKs still find the dialog (§17.1.1.2's 32 s).
        var keys = earlyDialogKeys.Append(dialog.Key).ToList();
        forgetTimer = agent.Loop.Schedule(TimeSpan.FromSeconds(32), () => keys.ForEach(agent.Forget));
    }

    private void SetRemoteSdp(SipMessage message)
    {
        if (message.Body.IsEmpty)
        {
            return;
        }

        RemoteSdp = message.Body;
        RemoteSdpChanged?.Invoke(this);
    }

    /// <summary>A request inside the dialog (§12.2.1.1): Route set, remote target as Request-URI.</summary>
    private SipRequest NewInDialogRequest(string method, uint sequence)
    {
        var request = agent.NewRequest(method, dialog.RemoteTarget, dialog.Local, dialog.Remote, dialog.CallId, sequence);
        foreach (var route in dialog.RouteSet)
        {
            request.Add(HeaderNames.Route, route);
        }

        return request;
    }

    private System.Net.IPEndPoint NextHop => dialog.NextHop() ?? agent.NextHop!;

    private void SendBye()
    {
        var bye = NewInDialogRequest(SipMethods.Bye, ++dialog.LocalSequence);
        agent.Transactions.SendRequest(bye, NextHop, _ => { }, () => { });
    }

    private static void AddBody(SipMessage message, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return;
        }

        message.Add(HeaderNames.ContentType, SdpContentType);
        message.Body = body;
    }

    internal bool IsServedBy(ServerInviteTransaction transaction) => inviteTransaction == transaction;
}
