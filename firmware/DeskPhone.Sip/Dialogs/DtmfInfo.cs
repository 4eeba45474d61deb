using System.Globalization;
using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// A key the peer pressed, sent in an INFO request instead of in the media: the "legacy" INFO
/// usage that RFC 6086 §2 leaves to existing deployments. PBXs and phones use two bodies for it:
/// application/dtmf-relay, lines of <c>name=value</c> with <c>Signal</c> (the key) and
/// <c>Duration</c> (milliseconds), and application/dtmf, the key alone. Either may name the key
/// by its RFC 4733 §3.2 event code (10 for <c>*</c>, 11 for <c>#</c>, 12–15 for A–D).
/// </summary>
/// <param name="Digit">'0'–'9', '*', '#' or 'A'–'D'.</param>
/// <param name="Duration">How long the key was held, as the sender says (bounded).</param>
public readonly record struct DtmfInfo(char Digit, TimeSpan Duration)
{
    internal const string RelayType = "application/dtmf-relay";
    internal const string PlainType = "application/dtmf";

    /// <summary>The duration of a key press whose body names none.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMilliseconds(100);

    /// <summary>A longer duration is taken as this: a key held for minutes is a broken sender, not a user.</summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromSeconds(5);

    // A real body is a few dozen bytes; anything much longer is not a key press.
    private const int MaxBodyBytes = 256;
    private const string EventCodeKeys = "0123456789*#ABCD";

    /// <summary>Whether INFO bodies of this Content-Type carry DTMF.</summary>
    internal static bool IsDtmfType(string? contentType) =>
        MediaType.Is(contentType, RelayType) || MediaType.Is(contentType, PlainType);

    /// <summary>Reads a body of a type <see cref="IsDtmfType"/> accepts; false with the defect otherwise.</summary>
    internal static bool TryParse(string contentType, ReadOnlySpan<byte> body, out DtmfInfo info, out string defect)
    {
        info = default;
        if (body.Length > MaxBodyBytes || body.ContainsAnyExceptInRange((byte)0x09, (byte)0x7E))
        {
            defect = "Body Not A Key Press";
            return false;
        }

        var text = Encoding.ASCII.GetString(body);
        return MediaType.Is(contentType, PlainType)
            ? TryReadKey(text.Trim(), out info, DefaultDuration, out defect)
            : TryParseRelay(text, out info, out defect);
    }

    private static bool TryParseRelay(string text, out DtmfInfo info, out string defect)
    {
        string? signal = null;
        string? duration = null;
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                signal = value;
            }
            else if (name.Equals("Duration", StringComparison.OrdinalIgnoreCase))
            {
                duration = value;
            }
        }

        info = default;
        if (signal is null)
        {
            defect = "Signal Missing";
            return false;
        }

        var held = DefaultDuration;
        if (duration is not null)
        {
            if (!int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                defect = "Duration Not A Number";
                return false;
            }

            // Some senders put 0 for "unknown".
            if (milliseconds > 0)
            {
                held = TimeSpan.FromMilliseconds(Math.Min(milliseconds, LongestDuration.TotalMilliseconds));
            }
        }

        return TryReadKey(signal, out info, held, out defect);
    }

    private static bool TryReadKey(string key, out DtmfInfo info, TimeSpan duration, out string defect)
    {
        info = default;
        defect = "Signal Not A DTMF Key";
        char digit;
        if (key.Length == 1 && EventCodeKeys.Contains(char.ToUpperInvariant(key[0]), StringComparison.Ordinal))
        {
            digit = char.ToUpperInvariant(key[0]);
        }
        else if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code < EventCodeKeys.Length)
        {
            digit = EventCodeKeys[code];
        }
        else
        {
            return false;
        }

        info = new DtmfInfo(digit, duration);
        defect = string.Empty;
        return true;
    }
}
