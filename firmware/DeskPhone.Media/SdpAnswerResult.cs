using System.Diagnostics.CodeAnalysis;

namespace DeskPhone.Media;

/// <summary>Result of answering the peer's SDP offer (<see cref="SdpSession.CreateAnswer"/>).</summary>
public sealed class SdpAnswerResult
{
    private SdpAnswerResult(MediaNegotiation? negotiation, byte[]? answerSdp, SdpFailure failure)
    {
        Negotiation = negotiation;
        AnswerSdp = answerSdp;
        Failure = failure;
    }

    /// <summary>The agreed media; null when the offer could not be accepted.</summary>
    public MediaNegotiation? Negotiation { get; }

    /// <summary>The SDP answer to send back (UTF-8, CRLF lines); null on failure.</summary>
    public byte[]? AnswerSdp { get; }

    /// <summary>Why the offer was not accepted; <see cref="SdpFailure.None"/> on success.</summary>
    public SdpFailure Failure { get; }

    [MemberNotNullWhen(true, nameof(Negotiation), nameof(AnswerSdp))]
    public bool IsSuccess => Negotiation is not null && AnswerSdp is not null;

    internal static SdpAnswerResult Success(MediaNegotiation negotiation, byte[] answerSdp) =>
        new(negotiation, answerSdp, SdpFailure.None);

    internal static SdpAnswerResult Failed(SdpFailure failure) => new(null, null, failure);
}
