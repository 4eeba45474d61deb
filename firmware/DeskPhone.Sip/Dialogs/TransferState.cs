namespace DeskPhone.Sip.Dialogs;

/// <summary>Where a transfer we asked for (REFER, RFC 3515) stands.</summary>
public enum TransferState
{
    None,

    /// <summary>REFER sent, no final answer yet.</summary>
    Requested,

    /// <summary>REFER accepted (202); waiting for the NOTIFY that reports the new call's outcome.</summary>
    Accepted,

    /// <summary>The transferee reported a 2xx for its call to the target.</summary>
    Succeeded,

    /// <summary>REFER refused, a failing NOTIFY, or no outcome in time.</summary>
    Failed,
}
