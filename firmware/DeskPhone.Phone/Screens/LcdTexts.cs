namespace DeskPhone.Phone.Screens;

/// <summary>
/// Every word the display shows, in one language (<see cref="PhoneOptions.Language"/>). The
/// controller picks one set at construction and hands it to the screens in
/// <see cref="PhoneView.Texts"/>; the notices it writes itself come from the same set.
/// </summary>
/// <remarks>
/// The bottom row has four cells of five columns (<see cref="LcdText.SoftKeys"/>): a soft-key label
/// followed by another label fits in four characters; only a label with empty cells after it, or
/// the last one, may be longer.
/// </remarks>
internal abstract class LcdTexts
{
    public static LcdTexts English { get; } = new EnglishTexts();

    public static LcdTexts Italian { get; } = new ItalianTexts();

    public static LcdTexts For(DisplayLanguage language) => language == DisplayLanguage.En ? English : Italian;

    // Soft keys.
    public abstract string KeyAnswer { get; }

    public abstract string KeyReject { get; }

    /// <summary>Answers the waiting call and holds the first one.</summary>
    public abstract string KeyTake { get; }

    /// <summary>Refuses the waiting call (486).</summary>
    public abstract string KeyBusy { get; }

    public abstract string KeyHold { get; }

    public abstract string KeyResume { get; }

    public abstract string KeyTransfer { get; }

    public abstract string KeyMute { get; }

    public abstract string KeySwap { get; }

    public abstract string KeyEnd { get; }

    public abstract string KeyBack { get; }

    public abstract string KeySend { get; }

    public abstract string KeyDelete { get; }

    public abstract string KeyCancel { get; }

    public abstract string KeySelect { get; }

    public abstract string KeyCall { get; }

    public abstract string KeyMessage { get; }

    public abstract string KeyYes { get; }

    public abstract string KeyNo { get; }

    /// <summary>From "delete this call?" on to "clear the whole history?".</summary>
    public abstract string KeyAll { get; }

    public abstract string KeyOpen { get; }

    /// <summary>Starts a new message.</summary>
    public abstract string KeyNew { get; }

    public abstract string KeyReply { get; }

    /// <summary>Sends a message that was not delivered again.</summary>
    public abstract string KeyRetry { get; }

    /// <summary>Picks the recipient of a message among recent calls.</summary>
    public abstract string KeyRecentCalls { get; }

    public abstract string KeyPick { get; }

    public abstract string KeyRead { get; }

    public abstract string KeyClose { get; }

    // Idle and dialling.
    public abstract string Extension(string extension);

    public abstract string Registered { get; }

    public abstract string Registering { get; }

    public abstract string RegistrationFailed(int? statusCode);

    public abstract string NotRegistered { get; }

    /// <summary>The short mark beside the registration state while Do Not Disturb is on.</summary>
    public abstract string DoNotDisturbMark { get; }

    public abstract string MissedCalls(int count);

    public abstract string NewMessages(int count);

    /// <summary>The idle line for voicemail waiting: how many new voice messages, when the server says.</summary>
    public abstract string VoicemailWaiting(int? newMessages);

    /// <summary>The idle screen's date: day of the week, day, month, year.</summary>
    public abstract string Date(DateTimeOffset now);

    /// <summary>The discreet count of unread messages at the end of a call screen's row.</summary>
    public abstract string UnreadCount(int count);

    public abstract string Dial { get; }

    /// <summary>Beside <see cref="Dial"/> while the handset is still down.</summary>
    public abstract string OnHook { get; }

    public abstract string DialHint { get; }

    // Calls.
    public abstract string Calling { get; }

    public abstract string Ringing { get; }

    public abstract string IncomingCall { get; }

    public abstract string Connected { get; }

    public abstract string OnHold { get; }

    public abstract string HeldByPeer { get; }

    public abstract string Muted { get; }

    public abstract string Consulting { get; }

    /// <summary>Beside the top row's title while the call is an attended transfer's consultation.</summary>
    public abstract string ConsultMark { get; }

    /// <summary>The call behind this one, ringing in (call waiting).</summary>
    public abstract string Waiting(string who);

    /// <summary>The call behind this one, on hold.</summary>
    public abstract string Held(string who);

    /// <summary>Title of the extension entry of an attended transfer (`*2`).</summary>
    public abstract string TransferAttended { get; }

    /// <summary>Title of the number entry of a blind transfer (the menu).</summary>
    public abstract string TransferBlind { get; }

    public abstract string Transferring { get; }

    public abstract string TransferringTo(string target);

    public abstract string CallEnded { get; }

    // The More menu.
    public abstract string MenuTransfer { get; }

    public abstract string MenuMute { get; }

    public abstract string MenuDoNotDisturb { get; }

    public abstract string On { get; }

    public abstract string Off { get; }

    // Notices: why a call ended or what a key could not do.
    public abstract string TransferredTo(string target);

    public abstract string HungUpByPeer { get; }

    public abstract string HungUp { get; }

    public abstract string Missed { get; }

    /// <summary>Our request got no response at all (transaction timeout).</summary>
    public abstract string NoResponse { get; }

    public abstract string NumberNotFound { get; }

    public abstract string NotAvailable { get; }

    public abstract string Busy { get; }

    public abstract string Cancelled { get; }

    public abstract string NoCommonCodec { get; }

    public abstract string Failed(int? statusCode);

    public abstract string HoldFailed(int? statusCode);

    public abstract string ResumeFailed(int? statusCode);

    public abstract string CannotTransfer { get; }

    public abstract string TransferFailed(int? statusCode);

    /// <summary>The earpiece volume as a bar: <paramref name="step"/> of <paramref name="steps"/>.</summary>
    public abstract string Volume(int step, int steps);

    /// <summary>The extension of an attended transfer did not answer in time.</summary>
    public abstract string NoAnswer { get; }

    public abstract string TransferFrom(string who);

    // Messages.
    public abstract string NoMessages { get; }

    public abstract string DeleteConversation { get; }

    public abstract string DeleteConversationWith(string name);

    public abstract string NewMessage { get; }

    /// <summary>Prefix of the recipient's digits on the "new message" screen.</summary>
    public abstract string RecipientPrompt { get; }

    /// <summary>Prefix of the recipient's name above the text being written.</summary>
    public abstract string ComposeTo { get; }

    /// <summary>Title of the screen that shows a message just arrived, with its time beside it.</summary>
    public abstract string MessageArrived { get; }

    public abstract string NoContacts { get; }

    public abstract string NoRecentCalls { get; }

    // A sent message's delivery (DeliveryText).
    public abstract string Sending { get; }

    public abstract string Delivered { get; }

    public abstract string Accepted { get; }

    public abstract string NotDelivered { get; }

    public abstract string ExtensionNotActive { get; }

    public abstract string NoAnswerTimeout { get; }

    public abstract string UnknownReason { get; }

    public abstract string Error(int code, string? reason);

    // Call history.
    public abstract string NoCalls { get; }

    public abstract string DeleteCall { get; }

    public abstract string ClearHistory { get; }

    public abstract string CallCount(int count);

    public abstract string Placed { get; }

    public abstract string Received { get; }

    // Phonebook.
    public abstract string PhonebookTitle { get; }

    public abstract string Find { get; }

    public abstract string NoMatch { get; }

    public abstract string PhonebookUnavailable { get; }

    public abstract string StorageError { get; }

    public abstract string PhonebookReset { get; }

    /// <summary>The label of a contact's extension on our PBX.</summary>
    public abstract string LabelExtension { get; }

    public abstract string LabelMobile { get; }

    public abstract string LabelHome { get; }

    public abstract string LabelWork { get; }
}
