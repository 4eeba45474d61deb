using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DeskPhone.Sip.Auth;

/// <summary>
/// Builds the Authorization / Proxy-Authorization value answering a Digest challenge
/// (RFC 3261 §22.4, RFC 2617 §3.2.2; MD5 with or without qop=auth).
/// </summary>
public static class DigestCredentials
{
    public static bool Supports(DigestChallenge challenge) =>
        challenge.Algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase);

    public static string Build(DigestChallenge challenge, string username, string password, string method, string digestUri, uint nonceCount, string clientNonce)
    {
        var ha1 = Md5Hex($"{username}:{challenge.Realm}:{password}");
        var ha2 = Md5Hex($"{method}:{digestUri}");
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var response = challenge.QopAuth
            ? Md5Hex($"{ha1}:{challenge.Nonce}:{nc}:{clientNonce}:auth:{ha2}")
            : Md5Hex($"{ha1}:{challenge.Nonce}:{ha2}");

        var text = new StringBuilder("Digest ");
        text.Append("username=\"").Append(username).Append("\", realm=\"").Append(challenge.Realm)
            .Append("\", nonce=\"").Append(challenge.Nonce).Append("\", uri=\"").Append(digestUri)
            .Append("\", response=\"").Append(response).Append("\", algorithm=MD5");
        if (challenge.QopAuth)
        {
            text.Append(", qop=auth, nc=").Append(nc).Append(", cnonce=\"").Append(clientNonce).Append('"');
        }

        if (challenge.Opaque is not null)
        {
            text.Append(", opaque=\"").Append(challenge.Opaque).Append('"');
        }

        return text.ToString();
    }

    private static string Md5Hex(string text) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
