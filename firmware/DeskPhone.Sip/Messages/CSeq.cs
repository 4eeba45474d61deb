using System.Text;
using DeskPhone.Sip.Messages.Syntax;

namespace DeskPhone.Sip.Messages;

/// <summary>The CSeq header (RFC 3261 §20.16): a 32-bit sequence number and a method.</summary>
public readonly record struct CSeq(uint Number, string Method)
{
    public static bool TryParse(string? value, out CSeq cseq) => Utf8Text.TryRead(value, TryParse, out cseq);

    internal static bool TryParse(ReadOnlySpan<byte> value, out CSeq cseq)
    {
        cseq = default;
        if (!HeaderSyntax.TryReadCSeq(value, out var number, out var method))
        {
            return false;
        }

        cseq = new CSeq(number, SipMethods.Intern(method) ?? Encoding.UTF8.GetString(method));
        return true;
    }

    public override string ToString() => $"{Number} {Method}";
}
