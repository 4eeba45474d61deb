using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// INFO in a dialog (RFC 6086). We take part in no Info Package, so an INFO naming one is
/// refused; without one it is the legacy usage, where the only body we understand is a key press
/// (<see cref="DtmfInfo"/>). A bodiless INFO, which some PBXs send to probe a dialog, is answered 200.
/// </summary>
public sealed partial class SipCall
{
    private const string InfoPackageHeader = "Info-Package";
    private const string RecvInfoHeader = "Recv-Info";

    /// <summary>The peer pressed a key and said so in an INFO request. THREAD: signalling loop.</summary>
    public event Action<SipCall, DtmfInfo>? DtmfReceived;

    private void ReceiveInfo(SipRequest request, IServerTransaction transaction)
    {
        // RFC 6086 §4.2.2: 469 with a Recv-Info listing the packages we accept: none.
        if (request.Get(InfoPackageHeader) is not null)
        {
            var refusal = ResponseFactory.Create(request, 469, "Bad Info Package");
            refusal.Add(RecvInfoHeader, string.Empty);
            transaction.Respond(refusal);
            return;
        }

        if (request.Body.IsEmpty)
        {
            agent.Respond(transaction, 200, "OK");
            return;
        }

        // RFC 3261 §8.2.3: a body type we do not understand gets 415 naming the ones we do.
        var type = request.Get(HeaderNames.ContentType);
        if (type is null || !DtmfInfo.IsDtmfType(type))
        {
            var unsupported = ResponseFactory.Create(request, 415, "Unsupported Media Type");
            unsupported.Add(HeaderNames.Accept, $"{DtmfInfo.RelayType}, {DtmfInfo.PlainType}");
            transaction.Respond(unsupported);
            return;
        }

        if (!DtmfInfo.TryParse(type, request.Body.Span, out var info, out var defect))
        {
            agent.Respond(transaction, 400, $"Bad DTMF Body - {defect}");
            return;
        }

        agent.Respond(transaction, 200, "OK");
        DtmfReceived?.Invoke(this, info);
    }
}
