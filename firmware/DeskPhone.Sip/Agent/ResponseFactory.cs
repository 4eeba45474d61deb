using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Agent;

/// <summary>Builds a response to a request (RFC 3261 §8.2.6.2): Via, From, To, Call-ID and CSeq copied.</summary>
public static class ResponseFactory
{
    public static SipResponse Create(SipRequest request, int statusCode, string reasonPhrase, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        foreach (var via in request.GetAll(HeaderNames.Via))
        {
            response.Add(HeaderNames.Via, via);
        }

        response.Add(HeaderNames.From, request.Get(HeaderNames.From) ?? string.Empty);
        var to = request.Get(HeaderNames.To) ?? string.Empty;
        if (toTag is not null && request.To.Tag is null && NameAddress.TryParse(to, out var toAddress))
        {
            to = toAddress.WithTag(toTag).ToString();
        }

        response.Add(HeaderNames.To, to);
        response.Add(HeaderNames.CallId, request.CallId);
        response.Add(HeaderNames.CSeq, request.Get(HeaderNames.CSeq) ?? string.Empty);
        return response;
    }
}
