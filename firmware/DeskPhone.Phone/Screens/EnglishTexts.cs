using System.Globalization;

namespace DeskPhone.Phone.Screens;

/// <summary>The display's words in English (<c>Phone:Language</c> = <c>En</c>).</summary>
internal sealed class EnglishTexts : LcdTexts
{
    public override string KeyAnswer => "Answer";

    public override string KeyReject => "Reject";

    public override string KeyTake => "Take";

    public override string KeyBusy => "Busy";

    public override string KeyHold => "Hold";

    public override string KeyResume => "Resume";

    public override string KeyTransfer => "Xfer";

    public override string KeyMute => "Mute";

    public override string KeySwap => "Swap";

    public override string KeyEnd => "End";

    public override string KeyBack => "Back";

    public override string KeySend => "Send";

    public override string KeyDelete => "Del";

    public override string KeyCancel => "Cancel";

    public override string KeySelect => "Select";

    public override string KeyCall => "Call";

    public override string KeyMessage => "Msg";

    public override string KeyYes => "Yes";

    public override string KeyNo => "No";

    public override string KeyAll => "All";

    public override string KeyOpen => "Open";

    public override string KeyNew => "New";

    public override string KeyReply => "Reply";

    public override string KeyRetry => "Retry";

    public override string KeyRecentCalls => "Calls";

    public override string KeyPick => "Pick";

    public override string KeyRead => "Read";

    public override string KeyClose => "Close";

    public override string Extension(string extension) => "Ext " + extension;

    public override string Registered => "Registered";

    public override string Registering => "Registering...";

    public override string RegistrationFailed(int? statusCode) => $"Reg. failed {statusCode}";

    public override string NotRegistered => "Not registered";

    public override string DoNotDisturbMark => "DND";

    public override string MissedCalls(int count) => count == 1 ? "1 missed call" : $"{count} missed calls";

    public override string NewMessages(int count) => count == 1 ? "1 new message" : $"{count} new messages";

    public override string VoicemailWaiting(int? newMessages) => newMessages is { } count and > 0 ? $"Voicemail: {count} new" : "Voicemail waiting";

    public override string Date(DateTimeOffset now) => now.ToString("ddd dd MMM yyyy", CultureInfo.InvariantCulture);

    public override string UnreadCount(int count) => $"Msg {count}";

    public override string Dial => "Dial";

    public override string OnHook => "on hook";

    public override string DialHint => "#/Send: call";

    public override string Calling => "Calling";

    public override string Ringing => "Ringing";

    public override string IncomingCall => "Incoming call";

    public override string Connected => "Connected";

    public override string OnHold => "On hold";

    public override string HeldByPeer => "Held by peer";

    public override string Muted => "Muted";

    public override string Consulting => "Consulting";

    public override string ConsultMark => "Consult";

    public override string Waiting(string who) => "Waiting: " + who;

    public override string Held(string who) => "Held: " + who;

    public override string TransferAttended => "Transfer (consult)";

    public override string TransferBlind => "Transfer to";

    public override string Transferring => "Transferring";

    public override string TransferringTo(string target) => "to " + target;

    public override string CallEnded => "Call ended";

    public override string MenuTransfer => "Transfer";

    public override string MenuMute => "Mute";

    public override string MenuDoNotDisturb => "Do not disturb";

    public override string On => "On";

    public override string Off => "Off";

    public override string TransferredTo(string target) => "Transferred to " + target;

    public override string HungUpByPeer => "Hung up by peer";

    public override string HungUp => "Hung up";

    public override string Missed => "Missed";

    public override string NoResponse => "No response";

    public override string NumberNotFound => "Number not found";

    public override string NotAvailable => "Not available";

    public override string Busy => "Busy";

    public override string Cancelled => "Cancelled";

    public override string NoCommonCodec => "No common codec";

    public override string Failed(int? statusCode) => $"Failed ({statusCode})";

    public override string HoldFailed(int? statusCode) => $"Hold failed {statusCode}";

    public override string ResumeFailed(int? statusCode) => $"Resume failed {statusCode}";

    public override string CannotTransfer => "Cannot transfer now";

    public override string TransferFailed(int? statusCode) => $"Transfer failed {statusCode}";

    public override string Volume(int step, int steps) => $"Volume {new string('#', step)}{new string('-', steps - step)}";

    public override string NoAnswer => "No answer";

    public override string TransferFrom(string who) => "Transfer from " + who;

    public override string NoMessages => "No messages";

    public override string DeleteConversation => "Delete conversation";

    public override string DeleteConversationWith(string name) => $"with {name}?";

    public override string NewMessage => "New message";

    public override string RecipientPrompt => "To: ";

    public override string ComposeTo => "To ";

    public override string MessageArrived => "New message";

    public override string NoContacts => "No contacts";

    public override string NoRecentCalls => "No recent calls";

    public override string Sending => "sending...";

    public override string Delivered => "delivered";

    public override string Accepted => "sent";

    public override string NotDelivered => "not delivered";

    public override string ExtensionNotActive => "extension not active";

    public override string NoAnswerTimeout => "no answer (timeout)";

    public override string UnknownReason => "unknown reason";

    public override string Error(int code, string? reason) => $"error {code} {reason}".TrimEnd();

    public override string NoCalls => "No calls";

    public override string DeleteCall => "Delete this call?";

    public override string ClearHistory => "Clear the history?";

    public override string CallCount(int count) => count == 1 ? "1 call" : $"{count} calls";

    public override string Placed => "Placed";

    public override string Received => "Received";

    public override string PhonebookTitle => "Contacts";

    public override string Find => "Find: ";

    public override string NoMatch => "No match";

    public override string PhonebookUnavailable => "Contacts unavailable";

    public override string StorageError => "(storage error)";

    public override string PhonebookReset => "File damaged: reset";

    public override string LabelExtension => "Ext";

    public override string LabelMobile => "Mobile";

    public override string LabelHome => "Home";

    public override string LabelWork => "Work";
}
