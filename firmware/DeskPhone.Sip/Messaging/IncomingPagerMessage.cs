using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Transactions;

namespace DeskPhone.Sip.Messaging;

/// <summary>
/// An out-of-dialog MESSAGE request (RFC 3428 pager mode) waiting for its final answer. The
/// receiver must store it durably before calling <see cref="Accept"/>: a 200 promises the sender
/// the text is kept. Every member runs on the signalling loop.
/// </summary>
public sealed class IncomingPagerMessage
{
    private readonly SipUserAgent agent;
    private readonly IServerTransaction transaction;

    internal IncomingPagerMessage(SipUserAgent agent, SipRequest request, IServerTransaction transaction)
    {
        this.agent = agent;
        this.transaction = transaction;
        Request = request;
    }

    public SipRequest Request { get; }

    public NameAddress From => Request.From;

    /// <summary>The sender's extension (user part of the From URI), or the whole URI.</summary>
    public string FromUser => From.SipUri?.User ?? From.Uri;

    public string? ContentType => Request.Get(HeaderNames.ContentType);

    public ReadOnlyMemory<byte> Body => Request.Body;

    /// <summary>
    /// Identifies the message across retransmissions that outlive the transaction (RFC 3428 §7:
    /// same Call-ID, CSeq and From tag), so a store can keep it exactly once.
    /// </summary>
    public string Id => $"{Request.CallId}|{Request.CSeq.Number}|{From.Tag}";

    public bool Answered { get; private set; }

    public void Accept() => Answer(200, "OK");

    /// <summary>Refuses the message, e.g. 415 with an Accept header, or 413.</summary>
    public void Reject(int statusCode, string reasonPhrase, params SipHeader[] headers)
    {
        Answer(statusCode, reasonPhrase, headers);
    }

    private void Answer(int statusCode, string reasonPhrase, params SipHeader[] headers)
    {
        if (Answered)
        {
            return;
        }

        Answered = true;
        var response = ResponseFactory.Create(Request, statusCode, reasonPhrase, Identifiers.NewTag());
        foreach (var header in headers)
        {
            response.Add(header.Name, header.Value);
        }

        transaction.Respond(response);
        agent.Logger.LogMessageAnswered(FromUser, statusCode);
    }
}
