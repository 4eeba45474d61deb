namespace DeskPhone.Sip.Messages;

public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Register = "REGISTER";
    public const string Options = "OPTIONS";
    public const string Message = "MESSAGE";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Info = "INFO";

    /// <summary>What this user agent answers; sent in Allow (RFC 3261 §20.5).</summary>
    public const string Allowed = "INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, REFER, NOTIFY";
}
