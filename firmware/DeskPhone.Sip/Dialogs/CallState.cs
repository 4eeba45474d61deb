namespace DeskPhone.Sip.Dialogs;

public enum CallDirection
{
    Outgoing,
    Incoming,
}

public enum CallState
{
    /// <summary>Our INVITE is on its way; no ringing reported yet.</summary>
    Calling,

    /// <summary>The far end is alerting (180/183 received).</summary>
    Ringing,

    /// <summary>An incoming INVITE waits for the user to answer.</summary>
    Incoming,

    Connected,
    Ended,
}

public enum CallEndReason
{
    None,
    LocalHangup,
    RemoteHangup,

    /// <summary>The caller gave up before we answered (CANCEL).</summary>
    CancelledByCaller,

    /// <summary>A final error response ended the call; see the status code.</summary>
    Rejected,

    /// <summary>No answer from the network (transaction timeout or no ACK).</summary>
    Timeout,
}
