using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Messaging;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Agent;

/// <summary>Pager-mode instant messages (RFC 3428).</summary>
public sealed partial class SipUserAgent
{
    /// <summary>
    /// An out-of-dialog MESSAGE arrived. The handler must answer it (after storing it) through
    /// <see cref="IncomingPagerMessage.Accept"/> or <see cref="IncomingPagerMessage.Reject"/>.
    /// Without a handler the phone answers 405. THREAD: signalling loop.
    /// </summary>
    public event Action<IncomingPagerMessage>? MessageReceived;

    /// <summary>Sends a MESSAGE to an extension or SIP URI through the PBX. THREAD: signalling loop.</summary>
    public OutgoingPagerMessage SendMessage(string target, string contentType, ReadOnlyMemory<byte> body)
    {
        var message = new OutgoingPagerMessage(this, TargetUri(target), contentType, body);
        message.Send();
        return message;
    }

    private void ReceiveMessage(SipRequest request, IServerTransaction transaction)
    {
        if (MessageReceived is null)
        {
            Respond(transaction, 405, "Method Not Allowed");
            return;
        }

        MessageReceived(new IncomingPagerMessage(this, request, transaction));
    }
}
