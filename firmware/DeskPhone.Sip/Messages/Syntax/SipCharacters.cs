using System.Buffers;

namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>The character classes of the SIP grammar (RFC 3261 §25.1), as byte sets for span searches.</summary>
internal static class SipCharacters
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>unreserved = alphanum / mark.</summary>
    private const string Unreserved = Alphanumeric + "-_.!~*'()";

    /// <summary>token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~".</summary>
    public static readonly SearchValues<byte> Token = Create(Alphanumeric + "-.!%*_+`'~");

    /// <summary>word (Call-ID): token characters plus ( ) &lt; &gt; : \ DQUOTE / [ ] ? { }.</summary>
    public static readonly SearchValues<byte> Word = Create(Alphanumeric + "-.!%*_+`'~()<>:\\\"/[]?{}");

    public static readonly SearchValues<byte> Digits = Create("0123456789");

    public static readonly SearchValues<byte> Hex = Create("0123456789ABCDEFabcdef");

    /// <summary>
    /// hostname and IPv4address characters. "_" is not in the RFC grammar, but names with it exist
    /// in the wild and carry no ambiguity, so they are accepted.
    /// </summary>
    public static readonly SearchValues<byte> Host = Create(Alphanumeric + "-._");

    /// <summary>Inside an IPv6 reference: hex digits, ":" and "." (for an embedded IPv4 part, RFC 5118 §4.10).</summary>
    public static readonly SearchValues<byte> Ipv6 = Create("0123456789ABCDEFabcdef:.");

    /// <summary>
    /// user = 1*( unreserved / escaped / user-unreserved ), user-unreserved = &amp; = + $ , ; ? /.
    /// "#" must be escaped by the grammar, yet feature codes like *97# arrive unescaped from many
    /// PBXs and phones; it cannot be mistaken for a delimiter here, so it is accepted.
    /// </summary>
    public static readonly SearchValues<byte> User = Create(Unreserved + "%&=+$,;?/#");

    /// <summary>password = *( unreserved / escaped / &amp; = + $ , ).</summary>
    public static readonly SearchValues<byte> Password = Create(Unreserved + "%&=+$,");

    /// <summary>paramchar = param-unreserved / unreserved / escaped; param-unreserved = [ ] / : &amp; + $.</summary>
    public static readonly SearchValues<byte> UriParameter = Create(Unreserved + "%[]/:&+$");

    /// <summary>hname and hvalue characters: hnv-unreserved / unreserved / escaped; hnv-unreserved = [ ] / ? : + $.</summary>
    public static readonly SearchValues<byte> UriHeader = Create(Unreserved + "%[]/?:+$");

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    public static readonly SearchValues<byte> Scheme = Create(Alphanumeric + "+-.");

    /// <summary>uric = reserved / unreserved / escaped (RFC 2396), the body of an absoluteURI.</summary>
    public static readonly SearchValues<byte> AbsoluteUri = Create(Unreserved + "%;/?:@&=+$,");

    /// <summary>
    /// gen-value = token / host / quoted-string (§25.1); host adds ":", "[" and "]" for IPv6
    /// references, and RFC 5118 §4.5 asks to accept an IPv6 address without brackets in received.
    /// </summary>
    public static readonly SearchValues<byte> GenericValue = Create(Alphanumeric + "-.!%*_+`'~:[]");

    /// <summary>SP, HTAB and the line breaks of a folded value (LWS, §25.1).</summary>
    public static readonly SearchValues<byte> Whitespace = Create(" \t\r\n");

    public static bool IsWhitespace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static bool IsToken(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExcept(Token);

    public static bool IsDigits(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExcept(Digits);

    /// <summary>True when every "%" starts an escape of two hex digits (escaped = "%" HEXDIG HEXDIG).</summary>
    public static bool HasValidEscapes(ReadOnlySpan<byte> text)
    {
        for (var at = text.IndexOf((byte)'%'); at >= 0; at = text.IndexOf((byte)'%'))
        {
            if (at + 2 >= text.Length || !Hex.Contains(text[at + 1]) || !Hex.Contains(text[at + 2]))
            {
                return false;
            }

            text = text[(at + 3)..];
        }

        return true;
    }

    /// <summary>A non-empty run of <paramref name="allowed"/> characters whose escapes are well formed.</summary>
    public static bool IsEscapedRun(ReadOnlySpan<byte> text, SearchValues<byte> allowed) =>
        !text.IsEmpty && !text.ContainsAnyExcept(allowed) && HasValidEscapes(text);

    private static SearchValues<byte> Create(string characters)
    {
        Span<byte> bytes = stackalloc byte[characters.Length];
        for (var i = 0; i < characters.Length; i++)
        {
            bytes[i] = (byte)characters[i];
        }

        return SearchValues.Create(bytes);
    }
}
