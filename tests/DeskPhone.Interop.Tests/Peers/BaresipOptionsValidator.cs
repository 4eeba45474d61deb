using System.Net;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// Rejects options that would produce a broken baresip config: the account line is
/// <c>&lt;uri&gt;;key=value;…</c>, so user and password must not contain its delimiters.
/// </summary>
internal static class BaresipOptionsValidator
{
    private static readonly char[] AccountDelimiters = [';', '<', '>', '"', '@', ':', ',', ' ', '\t', '\r', '\n'];

    public static void Validate(BaresipPeerOptions options)
    {
        if (options.User.Length == 0 || options.User.IndexOfAny(AccountDelimiters) >= 0)
        {
            throw new ArgumentException($"user '{options.User}' is empty or contains an account-line delimiter", nameof(options));
        }

        if (options.Password is { } password && password.IndexOfAny([';', '<', '>', '"', ' ', '\t', '\r', '\n']) >= 0)
        {
            throw new ArgumentException("password contains an account-line delimiter", nameof(options));
        }

        if (options.Registrar is { } registrar && !IPEndPoint.TryParse(registrar, out _))
        {
            throw new ArgumentException($"registrar '{registrar}' is not ip:port", nameof(options));
        }

        if (options.Transport is not ("udp" or "tcp" or "tls"))
        {
            throw new ArgumentException($"transport '{options.Transport}' is not udp, tcp or tls", nameof(options));
        }

        if (options.SipPort is < 0 or >= IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"SIP port {options.SipPort} leaves no room for TLS on port + 1", nameof(options));
        }

        string[] loadable = ["PCMU", "PCMA", "G722", "opus"];
        if (options.AudioCodecs.Count == 0 || options.AudioCodecs.Any(c => !loadable.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            throw new ArgumentException("only PCMU, PCMA (g711.so), G722 (g722.so) and opus (opus.so) can be loaded", nameof(options));
        }

        if (options.AudioSource is BaresipAudioSource.Sine { FrequencyHz: < 10 or > 20000 })
        {
            throw new ArgumentException("ausine accepts 10–20000 Hz", nameof(options));
        }

        if (options.MessageContacts.Any(uri => uri.IndexOfAny(['<', '>', '"', '\r', '\n']) >= 0))
        {
            throw new ArgumentException("a message contact contains a contacts-file delimiter", nameof(options));
        }
    }
}
