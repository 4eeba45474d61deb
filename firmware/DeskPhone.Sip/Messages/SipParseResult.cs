namespace DeskPhone.Sip.Messages;

/// <summary>
/// The outcome of parsing one datagram: a message, or the defect that stopped it. A defect in a
/// request whose Via, From, To, Call-ID and CSeq were readable can still be answered with 400
/// (RFC 3261 §8.2); <see cref="AnswerableRequest"/> carries that request.
/// </summary>
public readonly record struct SipParseResult(SipMessage? Message, string? Defect, SipRequest? AnswerableRequest)
{
    public bool Success => Message is not null;

    public static SipParseResult Ok(SipMessage message) => new(message, null, null);

    public static SipParseResult Fail(string defect, SipRequest? answerable = null) => new(null, defect, answerable);
}
