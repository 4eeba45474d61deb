namespace DeskPhone.Interop.Tests.Peers;

/// <summary>Result of trying to read one netstring from the front of a buffer.</summary>
internal enum NetstringStatus
{
    /// <summary>A whole netstring was read.</summary>
    Complete,

    /// <summary>The buffer holds the start of a netstring; more bytes are needed.</summary>
    Incomplete,

    /// <summary>The bytes are not a netstring; the stream cannot be resynchronised.</summary>
    Malformed,
}

/// <summary>
/// Netstring framing (D. J. Bernstein, "Netstrings", 1997: <c>[len]":"[string]","</c>, len in ASCII
/// decimal without leading zeros), which baresip's ctrl_tcp module uses for every JSON command,
/// response and event.
/// </summary>
internal static class Netstring
{
    /// <summary>Longest payload accepted; ctrl_tcp messages are a few hundred bytes, help text a few KiB.</summary>
    public const int MaxPayloadLength = 1 << 20;

    private const int MaxLengthDigits = 7;

    public static byte[] Encode(ReadOnlySpan<byte> payload)
    {
        Span<byte> digits = stackalloc byte[16];
        payload.Length.TryFormat(digits, out var digitCount, provider: System.Globalization.CultureInfo.InvariantCulture);
        var frame = new byte[digitCount + 1 + payload.Length + 1];
        digits[..digitCount].CopyTo(frame);
        frame[digitCount] = (byte)':';
        payload.CopyTo(frame.AsSpan(digitCount + 1));
        frame[^1] = (byte)',';
        return frame;
    }

    /// <summary>
    /// Reads the netstring at the front of <paramref name="buffer"/>. On <see cref="NetstringStatus.Complete"/>,
    /// <paramref name="payload"/> is its content and <paramref name="consumed"/> the bytes it took.
    /// </summary>
    public static NetstringStatus TryRead(ReadOnlySpan<byte> buffer, out ReadOnlySpan<byte> payload, out int consumed)
    {
        payload = default;
        consumed = 0;

        var length = 0;
        var digits = 0;
        while (digits < buffer.Length && buffer[digits] != (byte)':')
        {
            var c = buffer[digits];
            if (c < (byte)'0' || c > (byte)'9' || digits == MaxLengthDigits || (digits == 1 && buffer[0] == (byte)'0'))
            {
                return NetstringStatus.Malformed;
            }

            length = (length * 10) + (c - '0');
            digits++;
        }

        if (digits == buffer.Length)
        {
            return NetstringStatus.Incomplete;
        }

        if (digits == 0 || length > MaxPayloadLength)
        {
            return NetstringStatus.Malformed;
        }

        var end = digits + 1 + length;
        if (buffer.Length <= end)
        {
            return NetstringStatus.Incomplete;
        }

        if (buffer[end] != (byte)',')
        {
            return NetstringStatus.Malformed;
        }

        payload = buffer.Slice(digits + 1, length);
        consumed = end + 1;
        return NetstringStatus.Complete;
    }
}
