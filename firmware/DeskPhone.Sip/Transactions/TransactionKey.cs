using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Transactions;

/// <summary>
/// Matching keys (RFC 3261 §17.1.3 for responses, §17.2.3 for requests): the top Via branch plus the
/// method, with ACK and CANCEL matched to the INVITE they belong to by the caller.
/// </summary>
internal static class TransactionKey
{
    public static string ForClient(string branch, string method) => branch + "|" + method;

    public static string ForServer(Via via, string method) =>
        via.Branch + "|" + via.Host + ":" + via.Port + "|" + method;
}
