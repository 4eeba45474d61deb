namespace DeskPhone.Phone.Contacts;

/// <summary>
/// Numbers as the phone dials and compares them: what the user wrote, less the visual separators
/// (ITU-T E.123 writes "+39 02 1234 5678"; a PBX sends "+390212345678").
/// </summary>
internal static class DialString
{
    /// <summary>
    /// The shortest national number caller ID compares by its end (<see cref="SameLine"/>), and so
    /// the length of the stored <see cref="Tail"/> that finds the candidates.
    /// </summary>
    public const int TailDigits = 6;

    private const string Separators = " -./()";

    /// <summary>Digits, <c>*</c>, <c>#</c>, and a leading <c>+</c>, with any separators between.</summary>
    public static bool IsValidNumber(string number)
    {
        var dial = Normalize(number);
        if (dial.Length is 0 or > ContactRules.MaxDialLength || dial == "+")
        {
            return false;
        }

        for (var i = 0; i < number.Length; i++)
        {
            var c = number[i];
            var fits = ContactRules.IsKeypadSymbol(c) || Separators.Contains(c) || (c == '+' && number.AsSpan(0, i).Trim().IsEmpty);
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number without separators; other characters stay, so a bad number stays visibly bad.</summary>
    public static string Normalize(string number) =>
        string.Create(number.Length - number.Count(Separators.Contains), number, static (target, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                if (!Separators.Contains(c))
                {
                    target[at++] = c;
                }
            }
        });

    /// <summary>The last <see cref="TailDigits"/> digits, or null for a shorter number (an extension matches exactly or not at all).</summary>
    public static string? Tail(string dial)
    {
        var digits = dial.Where(char.IsAsciiDigit).ToArray();
        return digits.Length >= TailDigits ? new string(digits, digits.Length - TailDigits, TailDigits) : null;
    }

    /// <summary>
    /// Whether two different dialled forms reach the same line: one international ("+39 02 1234 5678"
    /// or "0039…", ITU-T E.164/E.123) and the other the national form it ends with, with or without
    /// the trunk 0 ("02 1234 5678" in Italy keeps it; "020 1234 5678" in the UK drops it after +44).
    /// Two national or two international numbers must be equal: "02 1234 5678" is not "06 1234 5678";
    /// and what the national form leaves of the international one must be a country code, so the
    /// end of a number ("1234 5678") is not taken for all of it.
    /// </summary>
    public static bool SameLine(string dial, string other)
    {
        dial = Canonical(dial);
        other = Canonical(other);
        if (dial == other)
        {
            return true;
        }

        var (longer, shorter) = dial.Length >= other.Length ? (dial, other) : (other, dial);
        if (!IsInternational(longer) || IsInternational(shorter))
        {
            return false;
        }

        var national = shorter.StartsWith('0') ? shorter[1..] : shorter;
        if (national.Length < TailDigits || !national.All(char.IsAsciiDigit) || !longer.EndsWith(national, StringComparison.Ordinal))
        {
            return false;
        }

        // What precedes the national number must be a country code: 1 to 3 digits (E.164 §6.2.1).
        var countryCode = longer.Length - national.Length - 1;
        return countryCode is >= 1 and <= 3;
    }

    private static bool IsInternational(string dial) => dial.StartsWith('+');

    /// <summary>"00", the international prefix of Europe and most of the world (ITU-T E.164 Annex), written as "+".</summary>
    private static string Canonical(string dial) => dial.StartsWith("00", StringComparison.Ordinal) ? "+" + dial[2..] : dial;

    /// <summary>
    /// The number in what the PBX says about a caller: a bare "102", a URI "sip:102@pbx;user=phone"
    /// or "tel:+39-02-1234" (RFC 3966), possibly in angle brackets as in a From header (RFC 3261 §20.20).
    /// The user part is percent-decoded (RFC 3261 §19.1.2) and stripped of separators.
    /// </summary>
    public static string FromCallerId(string callerId)
    {
        var text = callerId.AsSpan().Trim();
        var open = text.IndexOf('<');
        if (open >= 0)
        {
            text = text[(open + 1)..];
            var close = text.IndexOf('>');
            text = close >= 0 ? text[..close] : text;
        }

        foreach (var scheme in (ReadOnlySpan<string>)["sips:", "sip:", "tel:"])
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                text = text[scheme.Length..];
                break;
            }
        }

        var end = text.IndexOfAny('@', ';', '?');
        var user = (end >= 0 ? text[..end] : text).ToString();
        return Normalize(Uri.UnescapeDataString(user));
    }
}
