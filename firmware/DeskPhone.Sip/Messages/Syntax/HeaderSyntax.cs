namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>Grammar checks of the header values a user agent relies on (RFC 3261 §20, §25.1).</summary>
internal static class HeaderSyntax
{
    private static ReadOnlySpan<byte> Weekdays => "MonTueWedThuFriSatSun"u8;

    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary>Via: 1#via-parm.</summary>
    public static bool IsViaList(ReadOnlySpan<byte> value)
    {
        var scanner = new SipScanner(value);
        do
        {
            if (!ViaSyntax.TryRead(ref scanner, out _))
            {
                return false;
            }
        }
        while (scanner.TakeSeparator((byte)','));

        return scanner.AtEndAfterWhitespace();
    }

    /// <summary>From, To: exactly one ( name-addr / addr-spec ) with parameters.</summary>
    public static bool IsSingleAddress(ReadOnlySpan<byte> value)
    {
        var scanner = new SipScanner(value);
        return NameAddressSyntax.TryRead(ref scanner, bracketsRequired: false, out _) && scanner.AtEndAfterWhitespace();
    }

    /// <summary>Contact: STAR, or 1#( name-addr / addr-spec ) with parameters (§20.10).</summary>
    public static bool IsContactList(ReadOnlySpan<byte> value)
    {
        // "*" alone is STAR; "*" may also start a token display name ("*Desk <sip:…>").
        var scanner = new SipScanner(value);
        scanner.SkipWhitespace();
        if (scanner.Take((byte)'*') && scanner.AtEndAfterWhitespace())
        {
            return true;
        }

        scanner.Position = 0;
        return IsAddressList(ref scanner, bracketsRequired: false);
    }

    /// <summary>Route, Record-Route: 1#name-addr with parameters (§20.30, §20.34).</summary>
    public static bool IsRouteList(ReadOnlySpan<byte> value)
    {
        var scanner = new SipScanner(value);
        return IsAddressList(ref scanner, bracketsRequired: true);
    }

    /// <summary>CSeq = 1*DIGIT LWS Method, the number a 32-bit unsigned integer (§8.1.1.5).</summary>
    public static bool TryReadCSeq(ReadOnlySpan<byte> value, out uint number, out ReadOnlySpan<byte> method)
    {
        number = 0;
        method = default;
        var scanner = new SipScanner(value);
        scanner.SkipWhitespace();
        var digits = scanner.TakeRun(SipCharacters.Digits);
        return TryParseUInt32(digits, out number) && scanner.SkipWhitespace() && scanner.TakeToken(out method) && scanner.AtEndAfterWhitespace();
    }

    /// <summary>Call-ID = word [ "@" word ].</summary>
    public static bool IsCallId(ReadOnlySpan<byte> value)
    {
        var at = value.IndexOf((byte)'@');
        return at < 0
            ? IsWord(value)
            : IsWord(value[..at]) && IsWord(value[(at + 1)..]);
    }

    /// <summary>Max-Forwards, Content-Length, Expires: 1*DIGIT (any length; see <see cref="TryParseUInt32"/> for range).</summary>
    public static bool IsDigits(ReadOnlySpan<byte> value) => SipCharacters.IsDigits(value);

    /// <summary>Content-Type = m-type SLASH m-subtype *( SEMI m-parameter ) (§20.15).</summary>
    public static bool IsMediaType(ReadOnlySpan<byte> value)
    {
        var scanner = new SipScanner(value);
        return scanner.TakeToken(out _) && scanner.TakeSeparator((byte)'/') && scanner.TakeToken(out _)
            && ParameterSyntax.Skip(ref scanner) && scanner.AtEndAfterWhitespace();
    }

    /// <summary>Require, Proxy-Require, Supported, Unsupported, Allow: a comma list of tokens.</summary>
    public static bool IsTokenList(ReadOnlySpan<byte> value, bool emptyAllowed)
    {
        var scanner = new SipScanner(value);
        scanner.SkipWhitespace();
        if (scanner.AtEnd)
        {
            return emptyAllowed;
        }

        do
        {
            if (!scanner.TakeToken(out _))
            {
                return false;
            }
        }
        while (scanner.TakeSeparator((byte)','));

        return scanner.AtEndAfterWhitespace();
    }

    /// <summary>
    /// Date = rfc1123-date: wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT
    /// SP "GMT" (§20.17); RFC 3261 requires GMT, and a one-digit day is tolerated.
    /// </summary>
    public static bool IsDate(ReadOnlySpan<byte> value)
    {
        var scanner = new SipScanner(value);
        if (!IsOneOf(scanner.TakeRun(SipCharacters.Token), Weekdays) || !scanner.TakeSeparator((byte)','))
        {
            return false;
        }

        var day = scanner.TakeRun(SipCharacters.Digits);
        if (day.Length is < 1 or > 2 || !scanner.SkipWhitespace() || !IsOneOf(scanner.TakeRun(SipCharacters.Token), Months)
            || !scanner.SkipWhitespace() || scanner.TakeRun(SipCharacters.Digits).Length != 4 || !scanner.SkipWhitespace())
        {
            return false;
        }

        for (var part = 0; part < 3; part++)
        {
            if ((part > 0 && !scanner.Take((byte)':')) || scanner.TakeRun(SipCharacters.Digits).Length != 2)
            {
                return false;
            }
        }

        return scanner.SkipWhitespace() && scanner.TakeRun(SipCharacters.Token).SequenceEqual("GMT"u8) && scanner.AtEndAfterWhitespace();
    }

    /// <summary>Decimal digits as a 32-bit unsigned value; false when empty, not digits, or too large.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> digits, out uint value)
    {
        value = 0;
        if (!SipCharacters.IsDigits(digits))
        {
            return false;
        }

        ulong total = 0;
        foreach (var digit in digits)
        {
            total = (total * 10) + (uint)(digit - '0');
            if (total > uint.MaxValue)
            {
                return false;
            }
        }

        value = (uint)total;
        return true;
    }

    private static bool IsAddressList(ref SipScanner scanner, bool bracketsRequired)
    {
        do
        {
            if (!NameAddressSyntax.TryRead(ref scanner, bracketsRequired, out _))
            {
                return false;
            }
        }
        while (scanner.TakeSeparator((byte)','));

        return scanner.AtEndAfterWhitespace();
    }

    private static bool IsWord(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExcept(SipCharacters.Word);

    /// <summary>True when <paramref name="name"/> is one of the three-letter names packed in <paramref name="names"/>.</summary>
    private static bool IsOneOf(ReadOnlySpan<byte> name, ReadOnlySpan<byte> names)
    {
        if (name.Length != 3)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i += 3)
        {
            if (name.SequenceEqual(names.Slice(i, 3)))
            {
                return true;
            }
        }

        return false;
    }
}
