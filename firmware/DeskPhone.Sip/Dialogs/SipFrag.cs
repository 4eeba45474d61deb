using System.Globalization;
using System.Text;

namespace DeskPhone.Sip.Dialogs;

/// <summary>The message/sipfrag status line a REFER's NOTIFY carries (RFC 3515 §2.4.5, RFC 3420).</summary>
internal static class SipFrag
{
    public const string ContentType = "message/sipfrag;version=2.0";

    public static bool TryReadStatus(ReadOnlySpan<byte> body, out int statusCode, out string reason)
    {
        statusCode = 0;
        reason = string.Empty;
        var text = Encoding.UTF8.GetString(body);
        var end = text.IndexOf('\r') is var cr and >= 0 ? cr : text.IndexOf('\n') is var lf and >= 0 ? lf : text.Length;
        var parts = text[..end].Split(' ', 3);
        if (parts.Length < 2 || parts[0] != "SIP/2.0" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out statusCode) || statusCode is < 100 or > 699)
        {
            return false;
        }

        reason = parts.Length == 3 ? parts[2] : string.Empty;
        return true;
    }

    public static byte[] Status(int statusCode, string reason) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {statusCode} {reason}\r\n"));
}
