using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DeskPhone.Phone.Messages;

/// <summary>Why an incoming MESSAGE body is refused: the final response to send.</summary>
internal sealed record TextRejection(int StatusCode, string ReasonPhrase, bool OfferAcceptHeader);

/// <summary>
/// The receive policy for a MESSAGE body (RFC 3428): only text/plain, in UTF-8 or a charset we
/// can convert, no bigger than the configured limit. Everything else is a rejection to answer with.
/// </summary>
internal static class PagerText
{
    public const string MediaType = "text/plain";

    public static bool TryDecode(string? contentType, ReadOnlySpan<byte> body, int maxBytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out TextRejection? rejection)
    {
        text = null;

        // RFC 3428 §5 and RFC 3261 §21.4.13: an unsupported body type gets 415 listing what we take.
        var type = ContentType.Parse(contentType ?? string.Empty);
        if (type.MediaType != MediaType)
        {
            rejection = new TextRejection(415, "Unsupported Media Type", OfferAcceptHeader: true);
            return false;
        }

        // RFC 3428 §8: a UAS may refuse a message that is too large with 413.
        if (body.Length > maxBytes)
        {
            rejection = new TextRejection(413, "Request Entity Too Large", OfferAcceptHeader: false);
            return false;
        }

        var decoded = Decode(type.Charset, body);
        if (decoded is null)
        {
            rejection = new TextRejection(415, "Unsupported Media Type - charset " + type.Charset, OfferAcceptHeader: true);
            return false;
        }

        text = Clean(decoded);
        rejection = null;
        return true;
    }

    /// <summary>The text in <paramref name="charset"/>, or null for a charset we do not know.</summary>
    private static string? Decode(string? charset, ReadOnlySpan<byte> body) => charset switch
    {
        // No charset: UTF-8, whose ASCII subset is also text/plain's historical default (RFC 2046 §4.1.2).
        null or "utf-8" or "utf8" or "us-ascii" or "ascii" => Encoding.UTF8.GetString(body.StartsWith("\uFEFF"u8) ? body[3..] : body),
        "iso-8859-1" or "iso_8859-1" or "latin1" or "l1" or "iso-ir-100" or "cp819" or "ibm819" => Encoding.Latin1.GetString(body),
        "windows-1252" or "cp1252" => Windows1252.Decode(body),
        "utf-16" => Utf16WithOptionalBom(body),
        "utf-16be" => Encoding.BigEndianUnicode.GetString(body),
        "utf-16le" => Encoding.Unicode.GetString(body),
        _ => null,
    };

    /// <summary>RFC 2781 §4.3: a byte-order mark decides; without one, big-endian.</summary>
    private static string Utf16WithOptionalBom(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode.GetString(body[2..])
        : body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode.GetString(body[2..])
        : Encoding.BigEndianUnicode.GetString(body);

    /// <summary>Line breaks become '\n', tabs spaces; other control characters are dropped (the LCD cannot show them).</summary>
    private static string Clean(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                result.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\t')
            {
                result.Append(' ');
            }
            else if (c == '\n' || !char.IsControl(c))
            {
                result.Append(c);
            }
        }

        return result.ToString().TrimEnd();
    }
}
