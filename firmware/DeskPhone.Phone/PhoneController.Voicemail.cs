using DeskPhone.Sip.Registration;
using DeskPhone.Sip.Subscriptions;

namespace DeskPhone.Phone;

/// <summary>
/// The voicemail server's message-waiting state (RFC 3842): subscribed to once the phone is first
/// registered (before that the PBX would refuse to know us), shown on the idle screen and on the
/// message LED. The subscription keeps itself alive and retries on its own after that.
/// </summary>
public sealed partial class PhoneController
{
    private bool voicemailStarted;

    /// <summary>The voicemail subscription; none when the host does not subscribe (or in tests that do not need it).</summary>
    public MessageWaitingSubscription? VoicemailSubscription { get; init; }

    /// <summary>THREAD: signalling loop (RegistrationClient.Changed).</summary>
    private void StartVoicemailOnceRegistered(RegistrationStatus status)
    {
        if (voicemailStarted || VoicemailSubscription is not { } subscription || status.Phase != RegistrationPhase.Registered)
        {
            return;
        }

        voicemailStarted = true;
        subscription.MessageWaitingChanged += OnMessageWaiting;
        subscription.Start();
    }

    /// <summary>THREAD: signalling loop (MessageWaitingSubscription.MessageWaitingChanged).</summary>
    private void OnMessageWaiting(MessageWaitingState state)
    {
        Publish(View with { Voicemail = new Voicemail(state.Waiting, state.Voice?.New) });
        UpdateMessageWaiting();
    }
}
