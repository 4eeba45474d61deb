using System.Globalization;
using DeskPhone.Sip.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace DeskPhone.Sip.Tests.Properties;

/// <summary>
/// Generators of well-formed SIP text (RFC 3261 §25.1), written so the parser must give every
/// value back exactly: single spaces, no folding, escapes only where the grammar has them.
/// </summary>
internal static class SipGenerators
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Alphanumeric = Letters + Digits;
    private const string TokenCharacters = Alphanumeric + "-.!%*_+`'~";
    private const string Unreserved = Alphanumeric + "-_.!~*'()";
    private const string HexDigits = "0123456789ABCDEF";

    public static Gen<string> Token => Text(TokenCharacters, 1, 10);

    public static Gen<string> Host => Gen.OneOf(HostName, Ipv4, Ipv6Reference);

    public static Gen<string> SipUri => SipUriWith(Optional(Between(1, 3, UriHeader).Select(list => "?" + string.Join("&", list))));

    /// <summary>A Request-URI: a SIP URI without headers (RFC 3261 §19.1.1, Table 1).</summary>
    public static Gen<string> RequestUri => SipUriWith(Gen.Constant(string.Empty));

    private static Gen<string> SipUriWith(Gen<string> headersPart) =>
        from scheme in Gen.Elements("sip", "sips", "SIP")
        from user in Optional(Escaped(Unreserved + "&=+$,;?/", 1, 8))
        from host in Host
        from port in Optional(Gen.Choose(1, 65535).Select(p => ":" + p.ToString(CultureInfo.InvariantCulture)))
        from parameters in UpTo(3, UriParameter).Select(string.Concat)
        from headers in headersPart
        select $"{scheme}:{(user.Length > 0 ? user + "@" : string.Empty)}{host}{port}{parameters}{headers}";

    /// <summary>Any URI a name-addr may hold: SIP, or another scheme kept opaque.</summary>
    public static Gen<string> AnyUri => Gen.Frequency((4, SipUri), (1, OtherUri));

    public static Gen<string> NameAddress =>
        from display in Optional(Gen.OneOf(QuotedString, TokenWords).Select(d => d + " "))
        from uri in AnyUri
        from parameters in GenericParameters
        select $"{display}<{uri}>{parameters}";

    public static Gen<string> ViaValue =>
        from transport in Gen.Elements("UDP", "TCP", "TLS", "SCTP", "WS")
        from host in Host
        from port in Optional(Gen.Choose(1, 65535).Select(p => ":" + p.ToString(CultureInfo.InvariantCulture)))
        from branch in Token
        from rest in GenericParameters
        select $"SIP/2.0/{transport} {host}{port};branch=z9hG4bK{branch}{rest}";

    public static Gen<string> CallId =>
        from word in Text(Alphanumeric + "-.!%*_+`'~()<>:\\\"/[]?{}", 1, 16)
        from host in Optional(Text(Alphanumeric + ".-", 1, 10).Select(h => "@" + h))
        select word + host;

    /// <summary>TEXT-UTF8 words joined by single spaces: any printable character, non-ASCII included.</summary>
    public static Gen<string> FreeText =>
        Between(1, 6, Text(Alphanumeric + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~äöüßéñ漢字€", 1, 8))
            .Select(words => string.Join(" ", words));

    public static Gen<string> Method => Gen.Frequency(
        (3, Gen.Elements(SipMethods.Invite, SipMethods.Options, SipMethods.Bye, SipMethods.Register, SipMethods.Message)),
        (1, Token));

    public static Gen<byte[]> Body => Gen.Frequency(
        (1, Gen.Constant(Array.Empty<byte>())),
        (3, UpTo(200, Gen.Choose(0, 255).Select(b => (byte)b)).Select(bytes => bytes.ToArray())));

    private static Gen<string> HostName =>
        Between(1, 3, from first in Gen.Elements(Letters.ToCharArray()) from rest in Text(Alphanumeric + "-", 0, 6) select first + rest)
            .Select(labels => string.Join(".", labels));

    private static Gen<string> Ipv4 =>
        Gen.ArrayOf(Gen.Choose(0, 255), 4).Select(parts => string.Join(".", parts));

    private static Gen<string> Ipv6Reference =>
        Gen.ArrayOf(Gen.Choose(0, 0xFFFF), 3).Select(parts => $"[2001:db8::{parts[0]:x}:{parts[1]:x}:{parts[2]:x}]");

    private static Gen<string> OtherUri => Gen.OneOf(
        Text(Digits, 4, 12).Select(number => "tel:+" + number),
        Text(Alphanumeric + "-.", 1, 10).Select(service => "urn:service:" + service),
        from scheme in Text(Letters, 1, 8) from rest in Escaped(Unreserved + ";/?:@&=+$,", 1, 12) select $"x-{scheme}:{rest}");

    private static Gen<string> UriParameter =>
        from name in Escaped(Unreserved + "[]/:&+$", 1, 6)
        from value in Optional(Escaped(Unreserved + "[]/:&+$", 1, 6).Select(v => "=" + v))
        select ";" + name + value;

    private static Gen<string> UriHeader =>
        from name in Escaped(Unreserved + "[]/?:+$", 1, 6)
        from value in Text(Unreserved + "[]/?:+$", 0, 6)
        select name + "=" + value;

    private static Gen<string> GenericParameters =>
        UpTo(3,
            from name in Token
            from value in Optional(Gen.OneOf(Token, QuotedString).Select(v => "=" + v))
            select ";" + name + value).Select(string.Concat);

    /// <summary>A quoted-string with quoted-pairs for the quote and the backslash.</summary>
    private static Gen<string> QuotedString =>
        UpTo(8, Gen.Elements("a", "Z", "0", " ", "\\\"", "\\\\", "é", "<", ">", ",", ";", "@", "漢"))
            .Select(parts => "\"" + string.Concat(parts) + "\"");

    private static Gen<string> TokenWords => Between(1, 3, Token).Select(words => string.Join(" ", words));

    /// <summary>A run of <paramref name="alphabet"/> characters with some %HH escapes mixed in.</summary>
    private static Gen<string> Escaped(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from parts in Gen.ListOf(
            Gen.Frequency(
                (6, Gen.Elements(alphabet.ToCharArray()).Select(c => c.ToString())),
                (1, Gen.ArrayOf(Gen.Elements(HexDigits.ToCharArray()), 2).Select(hex => "%" + new string(hex)))),
            length)
        select string.Concat(parts);

    private static Gen<string> Text(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from characters in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(characters);

    public static Gen<List<T>> Between<T>(int least, int most, Gen<T> generator) =>
        Gen.Choose(least, most).SelectMany(count => Gen.ListOf(generator, count));

    private static Gen<List<T>> UpTo<T>(int most, Gen<T> generator) => Between(0, most, generator);

    private static Gen<string> Optional(Gen<string> generator) =>
        Gen.Frequency((1, Gen.Constant(string.Empty)), (2, generator));
}
