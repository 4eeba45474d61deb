using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Auth;

/// <summary>
/// Answers 401/407 challenges for one request sequence (RFC 3261 §22.2–22.3): one credentials
/// header per realm, each for the strongest algorithm offered in that realm (RFC 8760 §2.4). A
/// realm that challenges again after we answered it has refused our credentials, whatever its new
/// nonce, unless it says the nonce merely went stale (RFC 7616 §3.3): answering such a realm again
/// would loop forever against a PBX that issues a fresh nonce with every challenge. Runs on the
/// signalling loop.
/// </summary>
internal sealed class ChallengeResponder(string username, string password)
{
    private readonly HashSet<string> answeredRealms = new(StringComparer.Ordinal);
    private uint nonceCount;

    /// <summary>Forgets the realms answered (after a success, a new challenge is answered again).</summary>
    public void Reset() => answeredRealms.Clear();

    /// <summary>The credentials headers for a retry, or false when the challenge cannot or must not be answered.</summary>
    public bool TryAnswer(SipResponse challenge, string method, string digestUri, out IReadOnlyList<SipHeader> credentials)
    {
        var answers = new List<SipHeader>();
        credentials = answers;
        if (challenge.StatusCode is not (401 or 407))
        {
            return false;
        }

        var challengeHeader = challenge.StatusCode == 401 ? HeaderNames.WwwAuthenticate : HeaderNames.ProxyAuthenticate;
        var credentialsHeader = challenge.StatusCode == 401 ? HeaderNames.Authorization : HeaderNames.ProxyAuthorization;
        var strongestPerRealm = new Dictionary<string, DigestChallenge>(StringComparer.Ordinal);
        foreach (var header in challenge.Headers)
        {
            if (header.Name.Equals(challengeHeader, StringComparison.OrdinalIgnoreCase)
                && DigestChallenge.TryParse(header.Value, out var digest) && digest.KnownAlgorithm is { } algorithm
                && (!strongestPerRealm.TryGetValue(digest.Realm, out var best) || algorithm > best.KnownAlgorithm))
            {
                strongestPerRealm[digest.Realm] = digest;
            }
        }

        foreach (var digest in strongestPerRealm.Values)
        {
            if (!answeredRealms.Add(digest.Realm) && !digest.Stale)
            {
                return false;
            }

            var value = DigestCredentials.Build(digest, username, password, method, digestUri, ++nonceCount, Agent.Identifiers.NewClientNonce());
            answers.Add(new SipHeader(credentialsHeader, value));
        }

        return answers.Count > 0;
    }
}
