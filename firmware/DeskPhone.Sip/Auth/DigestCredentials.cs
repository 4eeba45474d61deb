using System.Globalization;
using System.Text;

namespace DeskPhone.Sip.Auth;

/// <summary>
/// Builds the Authorization / Proxy-Authorization value answering a Digest challenge
/// (RFC 3261 §22.4, RFC 7616 §3.4: MD5, SHA-256 and SHA-512-256, each also as "-sess", with or
/// without qop=auth).
/// </summary>
public static class DigestCredentials
{
    public static bool Supports(DigestChallenge challenge) => challenge.KnownAlgorithm is not null;

    public static string Build(DigestChallenge challenge, string username, string password, string method, string digestUri, uint nonceCount, string clientNonce)
    {
        var algorithm = challenge.KnownAlgorithm ?? throw new ArgumentException($"unsupported algorithm {challenge.Algorithm}", nameof(challenge));
        var ha1 = algorithm.HashHex($"{username}:{challenge.Realm}:{password}");
        if (algorithm.IsSession())
        {
            // RFC 7616 §3.4.2: the session variants bind HA1 to this nonce and client nonce.
            ha1 = algorithm.HashHex($"{ha1}:{challenge.Nonce}:{clientNonce}");
        }

        var ha2 = algorithm.HashHex($"{method}:{digestUri}");
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var response = challenge.QopAuth
            ? algorithm.HashHex($"{ha1}:{challenge.Nonce}:{nc}:{clientNonce}:auth:{ha2}")
            : algorithm.HashHex($"{ha1}:{challenge.Nonce}:{ha2}");

        var text = new StringBuilder("Digest ");
        text.Append("username=\"").Append(username).Append("\", realm=\"").Append(challenge.Realm)
            .Append("\", nonce=\"").Append(challenge.Nonce).Append("\", uri=\"").Append(digestUri)
            .Append("\", response=\"").Append(response).Append("\", algorithm=").Append(algorithm.Token());
        if (challenge.QopAuth || algorithm.IsSession())
        {
            text.Append(", cnonce=\"").Append(clientNonce).Append('"');
        }

        if (challenge.QopAuth)
        {
            text.Append(", qop=auth, nc=").Append(nc);
        }

        if (challenge.Opaque is not null)
        {
            text.Append(", opaque=\"").Append(challenge.Opaque).Append('"');
        }

        return text.ToString();
    }
}
