namespace DeskPhone.Phone;

/// <summary>The call that is not on the handset: held behind the current one, or waiting to be answered.</summary>
public sealed record OtherCall(string Number, string? Name, OtherCallState State);

public enum OtherCallState
{
    /// <summary>Connected and on hold (by us).</summary>
    Held,

    /// <summary>Ringing behind the current call (call waiting).</summary>
    Waiting,
}
