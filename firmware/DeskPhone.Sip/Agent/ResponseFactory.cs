using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Builds a response to a request (RFC 3261 §8.2.6.2): Via fields copied as they came and in
/// order, From, To, Call-ID and CSeq copied; a header the request lacks (a malformed request
/// answered with 400) is left out rather than sent empty.
/// </summary>
public static class ResponseFactory
{
    public static SipResponse Create(SipRequest request, int statusCode, string reasonPhrase, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        foreach (var via in request.GetFields(HeaderNames.Via))
        {
            response.Add(HeaderNames.Via, via);
        }

        CopyIfPresent(request, response, HeaderNames.From);
        if (request.Get(HeaderNames.To) is { } to)
        {
            if (toTag is not null && request.To.Tag is null && NameAddress.TryParse(to, out var toAddress))
            {
                to = toAddress.WithTag(toTag).ToString();
            }

            response.Add(HeaderNames.To, to);
        }

        CopyIfPresent(request, response, HeaderNames.CallId);
        CopyIfPresent(request, response, HeaderNames.CSeq);
        return response;
    }

    private static void CopyIfPresent(SipRequest request, SipResponse response, string name)
    {
        if (request.Get(name) is { } value)
        {
            response.Add(name, value);
        }
    }
}
