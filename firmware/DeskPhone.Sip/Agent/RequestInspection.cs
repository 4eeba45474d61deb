using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// The UAS checks of RFC 3261 §8.2.2 (Request-URI scheme, Require) and §8.2.3 (content) for
/// requests whose method this agent implements; the method check of §8.2.1 (405/501) comes
/// first and stays in dispatch. ACK and CANCEL are never rejected here (§8.2.2.3, §9.2).
/// </summary>
internal static class RequestInspection
{
    private const string SessionDescription = "application/sdp";

    /// <summary>The response refusing the request, or null when it may proceed.</summary>
    public static SipResponse? Reject(SipRequest request)
    {
        if (request.Method is SipMethods.Ack or SipMethods.Cancel || !SipMethods.IsAllowed(request.Method))
        {
            return null;
        }

        // §8.2.2.1: only sip: and sips: name us; tel:, urn: or unknown schemes cannot (RFC 4475 §3.3.2).
        if (!request.RequestUri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
            && !request.RequestUri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseFactory.Create(request, 416, "Unsupported URI Scheme");
        }

        // §8.2.2.3: every option tag in Require must be one we implement; Proxy-Require is for proxies.
        var unsupported = request.GetAll(HeaderNames.Require).Where(tag => !SipOptionTags.IsSupported(tag)).ToList();
        if (unsupported.Count > 0)
        {
            var response = ResponseFactory.Create(request, 420, "Bad Extension");
            response.Add(HeaderNames.Unsupported, string.Join(", ", unsupported));
            return response;
        }

        return request.Method == SipMethods.Invite ? InspectSession(request) : null;
    }

    /// <summary>An INVITE's body must be SDP we can read, and its Accept must allow the SDP we answer with.</summary>
    private static SipResponse? InspectSession(SipRequest invite)
    {
        // §8.2.3: a body type or encoding we do not understand gets 415 saying what we do. A body
        // without Content-Type breaks §20.15, but an INVITE's can only be SDP, so it is read as such.
        var type = invite.Get(HeaderNames.ContentType);
        var encoding = invite.Get(HeaderNames.ContentEncoding);
        if (!invite.Body.IsEmpty && ((type is not null && !MediaType.Is(type, SessionDescription))
            || (encoding is not null && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))))
        {
            var response = ResponseFactory.Create(invite, 415, "Unsupported Media Type");
            response.Add(HeaderNames.Accept, SessionDescription);
            response.Add(HeaderNames.AcceptEncoding, "identity");
            return response;
        }

        // §20.1, §21.4.7: our answer is SDP; an Accept that rules it out cannot be satisfied (RFC 4475 §3.3.15).
        if (invite.Get(HeaderNames.Accept) is not null && !invite.GetAll(HeaderNames.Accept).Any(AcceptsSessionDescription))
        {
            return ResponseFactory.Create(invite, 406, "Not Acceptable");
        }

        return null;
    }

    private static bool AcceptsSessionDescription(string range) =>
        MediaType.Is(range, SessionDescription) || MediaType.Is(range, "application/*") || MediaType.Is(range, "*/*");
}
