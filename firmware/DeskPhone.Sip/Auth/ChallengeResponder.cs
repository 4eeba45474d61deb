using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Auth;

/// <summary>
/// Answers 401/407 challenges for one request sequence (RFC 3261 §22.2–22.3): once per nonce, so a
/// second challenge with a nonce already answered means the credentials are wrong, unless the
/// server says the nonce merely went stale (RFC 2617 §3.2.1). Runs on the signalling loop.
/// </summary>
internal sealed class ChallengeResponder(string username, string password)
{
    private string? answeredNonce;
    private uint nonceCount;

    /// <summary>Forgets the nonce answered last (after a success, a new challenge is answered again).</summary>
    public void Reset() => answeredNonce = null;

    /// <summary>The credentials header for a retry, or false when the challenge cannot or must not be answered.</summary>
    public bool TryAnswer(SipResponse challenge, string method, string digestUri, out SipHeader credentials)
    {
        credentials = default;
        if (challenge.StatusCode is not (401 or 407))
        {
            return false;
        }

        var challengeHeader = challenge.StatusCode == 401 ? HeaderNames.WwwAuthenticate : HeaderNames.ProxyAuthenticate;
        if (!DigestChallenge.TryParse(challenge.Get(challengeHeader), out var digest) || !DigestCredentials.Supports(digest)
            || (digest.Nonce == answeredNonce && !digest.Stale))
        {
            return false;
        }

        answeredNonce = digest.Nonce;
        var value = DigestCredentials.Build(digest, username, password, method, digestUri, ++nonceCount, Agent.Identifiers.NewClientNonce());
        credentials = new SipHeader(challenge.StatusCode == 401 ? HeaderNames.Authorization : HeaderNames.ProxyAuthorization, value);
        return true;
    }
}
