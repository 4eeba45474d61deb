namespace DeskPhone.Sip.Auth;

/// <summary>A Digest challenge from WWW-Authenticate or Proxy-Authenticate (RFC 3261 §22.4, RFC 7616 §3.3).</summary>
public sealed record DigestChallenge(string Realm, string Nonce, string? Opaque, string Algorithm, bool QopAuth, bool Stale)
{
    /// <summary>The algorithm as a value; null when we do not support the one named.</summary>
    public DigestAlgorithm? KnownAlgorithm => DigestAlgorithms.Parse(Algorithm);

    public static bool TryParse(string? header, out DigestChallenge challenge)
    {
        challenge = null!;
        if (header is null || !header.TrimStart().StartsWith("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parameters = AuthParameters.Parse(header.TrimStart()["Digest".Length..]);
        if (!parameters.TryGetValue("realm", out var realm) || !parameters.TryGetValue("nonce", out var nonce))
        {
            return false;
        }

        parameters.TryGetValue("opaque", out var opaque);
        var algorithm = parameters.TryGetValue("algorithm", out var a) ? a : "MD5";
        var qopAuth = parameters.TryGetValue("qop", out var qop)
            && qop.Split(',', StringSplitOptions.TrimEntries).Contains("auth", StringComparer.OrdinalIgnoreCase);
        var stale = parameters.TryGetValue("stale", out var s) && s.Equals("true", StringComparison.OrdinalIgnoreCase);
        challenge = new DigestChallenge(realm, nonce, opaque, algorithm, qopAuth, stale);
        return true;
    }
}
