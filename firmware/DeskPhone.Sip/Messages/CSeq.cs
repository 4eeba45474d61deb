using System.Globalization;

namespace DeskPhone.Sip.Messages;

/// <summary>The CSeq header (RFC 3261 §20.16): a 32-bit sequence number and a method.</summary>
public readonly record struct CSeq(uint Number, string Method)
{
    public static bool TryParse(string? value, out CSeq cseq)
    {
        cseq = default;
        if (value is null)
        {
            return false;
        }

        var parts = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        cseq = new CSeq(number, parts[1]);
        return true;
    }

    public override string ToString() => $"{Number} {Method}";
}
