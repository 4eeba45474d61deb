using System.Diagnostics.CodeAnalysis;

namespace DeskPhone.Media;

/// <summary>Result of applying the peer's SDP answer to our offer (<see cref="SdpSession.ProcessAnswer"/>).</summary>
public sealed class SdpNegotiationResult
{
    private SdpNegotiationResult(MediaNegotiation? negotiation, SdpFailure failure)
    {
        Negotiation = negotiation;
        Failure = failure;
    }

    /// <summary>The agreed media; null when the negotiation failed.</summary>
    public MediaNegotiation? Negotiation { get; }

    /// <summary>Why it failed; <see cref="SdpFailure.None"/> on success.</summary>
    public SdpFailure Failure { get; }

    [MemberNotNullWhen(true, nameof(Negotiation))]
    public bool IsSuccess => Negotiation is not null;

    internal static SdpNegotiationResult Success(MediaNegotiation negotiation) => new(negotiation, SdpFailure.None);

    internal static SdpNegotiationResult Failed(SdpFailure failure) => new(null, failure);
}
