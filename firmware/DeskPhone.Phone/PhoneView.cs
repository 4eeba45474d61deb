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
    MessageScreen? MessageScreen = null);
