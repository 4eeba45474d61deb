using System.Text;

namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>
/// The reason phrases of the responses a phone gets most (RFC 3261 §21), shared so that parsing
/// them makes no string; any other phrase is decoded as it came.
/// </summary>
internal static class ReasonPhrases
{
    private static readonly string[] Common =
    [
        "OK", "Trying", "Ringing", "Session Progress", "Accepted", "Unauthorized", "Proxy Authentication Required",
        "Not Found", "Busy Here", "Request Terminated", "Service Unavailable",
    ];

    public static string Decode(ReadOnlySpan<byte> phrase)
    {
        foreach (var common in Common)
        {
            if (phrase.Length == common.Length && Ascii.Equals(phrase, common))
            {
                return common;
            }
        }

        return Encoding.UTF8.GetString(phrase);
    }
}
