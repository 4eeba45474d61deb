using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Auth;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Messaging;

public enum PagerDelivery
{
    Sending,

    /// <summary>A 2xx came back. 202 only means the PBX took it (RFC 3428 §7), not that it was shown.</summary>
    Accepted,

    Failed,
}

/// <summary>
/// One MESSAGE we send (RFC 3428 §4) through the PBX, with digest authentication on 401/407.
/// Every member runs on the signalling loop, and <see cref="Completed"/> is raised there.
/// </summary>
public sealed class OutgoingPagerMessage
{
    private readonly SipUserAgent agent;
    private readonly string targetUri;
    private readonly string contentType;
    private readonly ReadOnlyMemory<byte> body;
    private readonly string callId = Identifiers.NewCallId();
    private readonly string fromTag = Identifiers.NewTag();
    private readonly ChallengeResponder challenges;
    private uint sequence = Identifiers.NewSequence();

    internal OutgoingPagerMessage(SipUserAgent agent, string targetUri, string contentType, ReadOnlyMemory<byte> body)
    {
        this.agent = agent;
        this.targetUri = targetUri;
        this.contentType = contentType;
        this.body = body;
        challenges = agent.NewChallengeResponder();
    }

    /// <summary>Raised once, when the outcome is known. THREAD: signalling loop.</summary>
    public event Action<OutgoingPagerMessage>? Completed;

    public PagerDelivery State { get; private set; } = PagerDelivery.Sending;

    /// <summary>The final status code; 408 when no answer came before Timer F.</summary>
    public int? StatusCode { get; private set; }

    public string? ReasonPhrase { get; private set; }

    internal void Send(IReadOnlyList<SipHeader>? credentials = null)
    {
        var to = new NameAddress(null, targetUri, new Dictionary<string, string?>());
        var request = agent.NewRequest(SipMethods.Message, targetUri, agent.LocalIdentity(fromTag), to, callId, sequence++);
        foreach (var header in credentials ?? [])
        {
            request.Add(header.Name, header.Value);
        }

        request.Add(HeaderNames.ContentType, contentType);
        request.Body = body;
        agent.SendOutOfDialog(request, OnResponse, () => Complete(PagerDelivery.Failed, 408, "Request Timeout"));
    }

    private void OnResponse(SipResponse response)
    {
        if (response.IsProvisional)
        {
            return;
        }

        if (response.IsSuccess)
        {
            Complete(PagerDelivery.Accepted, response.StatusCode, response.ReasonPhrase);
        }
        else if (challenges.TryAnswer(response, SipMethods.Message, targetUri, out var credentials))
        {
            Send(credentials);
        }
        else
        {
            Complete(PagerDelivery.Failed, response.StatusCode, response.ReasonPhrase);
        }
    }

    private void Complete(PagerDelivery state, int code, string reason)
    {
        State = state;
        StatusCode = code;
        ReasonPhrase = reason;
        Completed?.Invoke(this);
    }
}
