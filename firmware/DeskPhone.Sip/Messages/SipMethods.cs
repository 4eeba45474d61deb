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

    /// <summary>RFC 3311: a session change or target refresh inside a dialog, without a new INVITE.</summary>
    public const string Update = "UPDATE";

    /// <summary>What this user agent answers; sent in Allow (RFC 3261 §20.5).</summary>
    public const string Allowed = "INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, REFER, NOTIFY, UPDATE";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Register, Options, Message, Refer, Notify, Info, Update];

    /// <summary>True when <see cref="Allowed"/> lists the method (methods are case-sensitive, RFC 3261 §7.1).</summary>
    public static bool IsAllowed(string method)
    {
        foreach (var range in Allowed.AsSpan().Split(','))
        {
            if (Allowed.AsSpan()[range].Trim().SequenceEqual(method))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The constant for a well-known method, so parsing common requests allocates no method string.</summary>
    internal static string? Intern(ReadOnlySpan<byte> method)
    {
        foreach (var known in Known)
        {
            if (method.Length == known.Length && System.Text.Ascii.Equals(method, known))
            {
                return known;
            }
        }

        return null;
    }
}
