using DeskPhone.Phone.Screens;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Phone;

public enum PhoneMode
{
    Idle,

    /// <summary>Handset lifted (or digits typed on hook): collecting a number.</summary>
    Dialing,

    /// <summary>Our call is on its way; the far end has not reported ringing yet.</summary>
    Calling,

    /// <summary>The far end is ringing.</summary>
    RingingOut,

    /// <summary>A call is coming in and the ringer sounds.</summary>
    Incoming,

    Connected,

    /// <summary>A call just ended; the screen says how before going idle.</summary>
    Ended,

    /// <summary>One of the message screens, named by <see cref="PhoneView.MessageScreen"/>.</summary>
    Messages,

    /// <summary>The call history list or one call of it, named by <see cref="PhoneView.DirectoryScreen"/>.</summary>
    History,

    /// <summary>The phonebook list or one contact of it, named by <see cref="PhoneView.DirectoryScreen"/>.</summary>
    Contacts,

    /// <summary>During a call: typing the number to transfer it to (<see cref="PhoneView.TransferEntry"/>).</summary>
    TransferEntry,

    /// <summary>A transfer we asked for is under way; the call is off the handset meanwhile.</summary>
    Transferring,

    /// <summary>The More menu (<see cref="PhoneView.Menu"/>), in a call or on the idle screen.</summary>
    Menu,
}

/// <summary>
/// Everything the screen shows, as one immutable snapshot the phone logic publishes. The screen
/// renders it and owns nothing.
/// </summary>
public sealed record PhoneView(
    PhoneMode Mode,
    string Extension,
    bool OffHook,
    RegistrationStatus Registration,
    string Digits = "",
    string? PeerNumber = null,
    string? PeerName = null,
    DateTimeOffset? ConnectedAt = null,
    string? EndedText = null,
    int MissedCalls = 0,
    int UnreadMessages = 0,
    MessageScreen? MessageScreen = null,
    DirectoryScreen? DirectoryScreen = null,
    CallFlags Flags = default,
    DateTimeOffset? HeldSince = null,
    OtherCall? Other = null,
    TransferEntry? TransferEntry = null,
    PhoneMenu? Menu = null,
    string? Notice = null,
    bool DoNotDisturb = false,
    Voicemail Voicemail = default)
{
    /// <summary>The words to draw it with, in the configured language; the controller sets them once.</summary>
    internal LcdTexts Texts { get; init; } = LcdTexts.Italian;

    /// <summary>This view with nothing of a call left in it: who, since when, flags, the other call, entries, notices.</summary>
    public PhoneView WithoutCall() => this with
    {
        PeerNumber = null,
        PeerName = null,
        ConnectedAt = null,
        EndedText = null,
        Flags = CallFlags.None,
        HeldSince = null,
        Other = null,
        TransferEntry = null,
        Menu = null,
        Notice = null,
    };
}
