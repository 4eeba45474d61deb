namespace DeskPhone.Sip.Auth;

/// <summary>Digest hash algorithms (RFC 7616 §3.3, RFC 8760 §2), weakest first so a larger value is preferred.</summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
    Sha512_256,
    Sha512_256Sess,
}

public static class DigestAlgorithms
{
    /// <summary>The algorithm a challenge's token names; null for one we do not support.</summary>
    public static DigestAlgorithm? Parse(string? token) => token?.Trim().ToUpperInvariant() switch
    {
        null or "" or "MD5" => DigestAlgorithm.Md5,
        "MD5-SESS" => DigestAlgorithm.Md5Sess,
        "SHA-256" => DigestAlgorithm.Sha256,
        "SHA-256-SESS" => DigestAlgorithm.Sha256Sess,
        "SHA-512-256" => DigestAlgorithm.Sha512_256,
        "SHA-512-256-SESS" => DigestAlgorithm.Sha512_256Sess,
        _ => null,
    };

    public static string Token(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        DigestAlgorithm.Sha512_256 => "SHA-512-256",
        _ => "SHA-512-256-sess",
    };

    public static bool IsSession(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess or DigestAlgorithm.Sha512_256Sess;

    /// <summary>Lower-case hex of the algorithm's hash of the UTF-8 text (RFC 7616 §3.4.1).</summary>
    public static string HashHex(this DigestAlgorithm algorithm, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var hash = algorithm switch
        {
            DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess => System.Security.Cryptography.MD5.HashData(bytes),
            DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess => System.Security.Cryptography.SHA256.HashData(bytes),
            _ => Sha512_256.Hash(bytes),
        };
        return Convert.ToHexStringLower(hash);
    }
}
