using System.Globalization;
using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// Matching keys (RFC 3261 §17.1.3 for responses, §17.2.3 for requests), with ACK and CANCEL
/// matched to the INVITE they belong to by the caller. A request whose top Via branch carries the
/// magic cookie is keyed by branch, sent-by and method. One from an RFC 2543 client (no cookie, so
/// its branch need not be unique) is keyed by Request-URI, From tag, Call-ID, CSeq number, method
/// and the whole top Via; the To tag, which an ACK and a retransmission see differently, is
/// compared by the caller.
/// </summary>
internal static class TransactionKey
{
    public static string ForClient(string branch, string method) => branch + "|" + method;

    public static string ForServer(SipRequest request, string method)
    {
        var via = request.TopVia;
        return HasMagicCookie(via)
            ? via.Branch + "|" + via.Host + ":" + via.Port + "|" + method
            : ForRfc2543(request, via, method);
    }

    /// <summary>§8.1.1.7: a branch starting with "z9hG4bK" comes from an RFC 3261 client and is unique.</summary>
    public static bool HasMagicCookie(Via via) => via.Branch?.StartsWith(Via.MagicCookie, StringComparison.Ordinal) == true;

    private static string ForRfc2543(SipRequest request, Via via, string method) =>
        string.Create(CultureInfo.InvariantCulture, $"2543|{request.RequestUri}|{request.From.Tag}|{request.CallId}|{request.CSeq.Number}|{method}|{Identity(via)}");

    /// <summary>
    /// The top Via compared as §20.42 and §7.3.1 say: transport and host ignoring case, the port,
    /// and the parameters in any order with case-insensitive names.
    /// </summary>
    private static string Identity(Via via)
    {
        var text = new StringBuilder(via.Transport).Append(' ').Append(via.Host.ToLowerInvariant()).Append(':').Append(via.Port);
        foreach (var (name, value) in via.Parameters.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(';').Append(name.ToLowerInvariant()).Append('=').Append(value);
        }

        return text.ToString();
    }
}
