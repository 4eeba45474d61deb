namespace DeskPhone.Phone.Messages;

/// <summary>
/// Decodes windows-1252, the charset many PC clients label Latin text with. It is ISO-8859-1 except
/// for 0x80–0x9F, which hold printable characters instead of C1 controls (Unicode's published
/// mapping table cp1252.txt). Written here so the firmware needs no code-page package under
/// InvariantGlobalization; the five unassigned bytes become U+FFFD.
/// </summary>
internal static class Windows1252
{
    private static readonly char[] High =
    [
        '\u20AC', '\uFFFD', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\uFFFD', '\u017D', '\uFFFD',
        '\uFFFD', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\uFFFD', '\u017E', '\u0178',
    ];

    public static string Decode(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
            }
        });
}
