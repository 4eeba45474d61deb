using System.Security.Cryptography;
using System.Text;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// HTTP digest (RFC 2617 section 3.2.2, as used by RFC 3261 section 22.4) for the lab's raw
/// UAs: parses a WWW-/Proxy-Authenticate challenge and builds the matching credentials.
/// MD5 only, qop "auth" or none: what the lab PBX offers.
/// </summary>
internal static class DigestCredentials
{
    /// <summary>The Authorization / Proxy-Authorization header value answering <paramref name="challenge"/>.</summary>
    public static string Answer(string challenge, string user, string password, string method, string digestUri)
    {
        var parameters = Parameters(challenge);
        var realm = parameters.GetValueOrDefault("realm", string.Empty);
        var nonce = parameters.GetValueOrDefault("nonce", string.Empty);
        var qopOffered = parameters.GetValueOrDefault("qop", string.Empty)
            .Split(',', StringSplitOptions.TrimEntries)
            .Contains("auth");

        var ha1 = Md5Hex($"{user}:{realm}:{password}");
        var ha2 = Md5Hex($"{method}:{digestUri}");
        var answer = new StringBuilder($"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{digestUri}\"");
        if (qopOffered)
        {
            const string NonceCount = "00000001";
            var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            answer.Append($", response=\"{Md5Hex($"{ha1}:{nonce}:{NonceCount}:{cnonce}:auth:{ha2}")}\"");
            answer.Append($", qop=auth, nc={NonceCount}, cnonce=\"{cnonce}\"");
        }
        else
        {
            answer.Append($", response=\"{Md5Hex($"{ha1}:{nonce}:{ha2}")}\"");
        }

        answer.Append(", algorithm=MD5");
        if (parameters.TryGetValue("opaque", out var opaque))
        {
            answer.Append($", opaque=\"{opaque}\"");
        }

        return answer.ToString();
    }

    /// <summary>The auth-params of a "Digest a=b, c="d,e"" challenge, quotes removed.</summary>
    public static IReadOnlyDictionary<string, string> Parameters(string challenge)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = challenge.AsSpan().Trim();
        if (rest.StartsWith("Digest", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["Digest".Length..];
        }

        while (!rest.IsEmpty)
        {
            rest = rest.TrimStart(" ,");
            var equals = rest.IndexOf('=');
            if (equals <= 0)
            {
                break;
            }

            var name = rest[..equals].Trim().ToString();
            rest = rest[(equals + 1)..].TrimStart();
            string value;
            if (rest[0] == '"')
            {
                var closing = rest[1..].IndexOf('"');
                value = rest.Slice(1, closing).ToString();
                rest = rest[(closing + 2)..];
            }
            else
            {
                var comma = rest.IndexOf(',');
                value = (comma < 0 ? rest : rest[..comma]).Trim().ToString();
                rest = comma < 0 ? [] : rest[comma..];
            }

            parameters[name] = value;
        }

        return parameters;
    }

    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
