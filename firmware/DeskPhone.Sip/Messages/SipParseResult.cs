namespace DeskPhone.Sip.Messages;

/// <summary>
/// The outcome of parsing one datagram: a message, or the defect that stopped it. A defective
/// request whose top Via could still be read can be answered (RFC 3261 §8.2): with 505 when
/// <see cref="UnsupportedVersion"/> (RFC 3261 §21.5.6), otherwise with 400 naming the defect;
/// <see cref="AnswerableRequest"/> carries what was read of it.
/// </summary>
public readonly record struct SipParseResult(SipMessage? Message, string? Defect, SipRequest? AnswerableRequest)
{
    public bool Success => Message is not null;

    /// <summary>The request line named a SIP version other than SIP/2.0.</summary>
    public bool UnsupportedVersion { get; init; }

    public static SipParseResult Ok(SipMessage message) => new(message, null, null);

    public static SipParseResult Fail(string defect, SipRequest? answerable = null) => new(null, defect, answerable);
}
