using System.Buffers;

namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>
/// A cursor over the bytes of one header value (or start-line element). Whitespace may include
/// the line breaks of folded lines (LWS, RFC 3261 §25.1), so values are read where they lie in the
/// datagram, without unfolding first. Nothing here allocates.
/// </summary>
internal ref struct SipScanner(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> text = text;

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= text.Length;

    /// <summary>The current byte, or 0 at the end.</summary>
    public readonly byte Current => Position < text.Length ? text[Position] : (byte)0;

    public readonly ReadOnlySpan<byte> Rest => text[Position..];

    public readonly ReadOnlySpan<byte> Slice(int start) => text[start..Position];

    public readonly ReadOnlySpan<byte> Slice(int start, int end) => text[start..end];

    /// <summary>Skips SP, HTAB and folds; true when at least one was skipped.</summary>
    public bool SkipWhitespace()
    {
        var start = Position;
        while (Position < text.Length && SipCharacters.IsWhitespace(text[Position]))
        {
            Position++;
        }

        return Position > start;
    }

    /// <summary>Consumes <paramref name="c"/> when it is next, without skipping whitespace.</summary>
    public bool Take(byte c)
    {
        if (Position >= text.Length || text[Position] != c)
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>
    /// A separator with optional whitespace around it (SEMI, COMMA, SLASH, EQUAL, COLON: SWS c SWS).
    /// Leaves the position unchanged when <paramref name="c"/> does not follow.
    /// </summary>
    public bool TakeSeparator(byte c)
    {
        var start = Position;
        SkipWhitespace();
        if (!Take(c))
        {
            Position = start;
            return false;
        }

        SkipWhitespace();
        return true;
    }

    /// <summary>The longest run of <paramref name="allowed"/> characters from here (possibly empty).</summary>
    public ReadOnlySpan<byte> TakeRun(SearchValues<byte> allowed)
    {
        var rest = text[Position..];
        var length = rest.IndexOfAnyExcept(allowed);
        if (length < 0)
        {
            length = rest.Length;
        }

        Position += length;
        return rest[..length];
    }

    /// <summary>A non-empty token.</summary>
    public bool TakeToken(out ReadOnlySpan<byte> token)
    {
        token = TakeRun(SipCharacters.Token);
        return !token.IsEmpty;
    }

    /// <summary>
    /// A quoted-string, quotes included: qdtext and quoted-pairs (which may escape any byte but CR
    /// and LF). False, with the position unchanged, when the closing quote is missing.
    /// </summary>
    public bool TakeQuotedString(out ReadOnlySpan<byte> quoted)
    {
        quoted = default;
        var start = Position;
        if (!Take((byte)'"'))
        {
            return false;
        }

        while (Position < text.Length)
        {
            var c = text[Position++];
            if (c == '"')
            {
                quoted = text[start..Position];
                return true;
            }

            if (c == '\\')
            {
                if (Position >= text.Length || text[Position] is (byte)'\r' or (byte)'\n')
                {
                    break;
                }

                Position++;
            }
            else if (c is < 0x20 and not ((byte)'\t' or (byte)'\r' or (byte)'\n') || c == 0x7F)
            {
                // qdtext excludes control characters; only a quoted-pair may carry them.
                break;
            }
        }

        Position = start;
        return false;
    }

    /// <summary>True when only whitespace is left.</summary>
    public bool AtEndAfterWhitespace()
    {
        SkipWhitespace();
        return AtEnd;
    }
}
