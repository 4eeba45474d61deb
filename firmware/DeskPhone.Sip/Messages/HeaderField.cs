namespace DeskPhone.Sip.Messages;

/// <summary>
/// One header field of a <see cref="HeaderTable"/>, in 8 bytes because every datagram brings a
/// dozen or more of them. A parsed field says where its value lies in the message's bytes and
/// whether it spans folded lines (RFC 3261 §7.3.1); its name is an index into the known headers
/// or, for another name, where that name lies too. A field set in code holds only its name's
/// index; the table keeps its text. Offsets and lengths fit 16 bits because a message is at most
/// <see cref="SipLimits.MaxMessageBytes"/> long and a field at most
/// <see cref="SipLimits.MaxHeaderFieldBytes"/>.
/// </summary>
internal readonly struct HeaderField
{
    private const ushort FoldedBit = 0x8000;
    private const ushort InCodeBit = 0x8000;
    private const ushort KnownBit = 0x4000;
    private const ushort LowBits = 0x3FFF;

    // Compile-time checks of the layout above: a limit grown past it makes a constant negative,
    // which is not a ushort, and the build fails here.
    private const ushort OffsetRoom = ushort.MaxValue - SipLimits.MaxMessageBytes;
    private const ushort LengthRoom = LowBits - SipLimits.MaxHeaderFieldBytes;

    private readonly ushort valueStart;

    /// <summary>The value's length; <see cref="FoldedBit"/> when it spans folded lines.</summary>
    private readonly ushort valueLength;

    private readonly ushort nameStart;

    /// <summary>
    /// <see cref="KnownBit"/> and the known header's index, or the length of the name at
    /// <see cref="nameStart"/>; <see cref="InCodeBit"/> for a field set in code, whose unknown
    /// name (no <see cref="KnownBit"/>) the table keeps as text.
    /// </summary>
    private readonly ushort name;

    private HeaderField(int valueStart, int valueLength, int nameStart, int name)
    {
        this.valueStart = (ushort)valueStart;
        this.valueLength = (ushort)valueLength;
        this.nameStart = (ushort)nameStart;
        this.name = (ushort)name;
    }

    /// <summary>The index of the known header this field is (<see cref="Parsing.KnownHeaders"/>), or -1.</summary>
    public int Known => (name & KnownBit) != 0 ? name & LowBits : -1;

    /// <summary>False for a field set in code, whose value is text kept by the table.</summary>
    public bool IsParsed => (name & InCodeBit) == 0;

    public int ValueStart => valueStart;

    public int ValueLength => valueLength & ~FoldedBit;

    /// <summary>The value spans folded lines: its bytes hold line breaks that its text does not.</summary>
    public bool Folded => (valueLength & FoldedBit) != 0;

    /// <summary>Where an unknown parsed name lies in the message.</summary>
    public int NameStart => nameStart;

    public int NameLength => name & LowBits;

    /// <summary>A field read from the message: a known header's index, or -1 and where the name lies.</summary>
    public static HeaderField Parsed(int known, int nameStart, int nameLength, int valueStart, int valueLength, bool folded) =>
        new(valueStart, valueLength | (folded ? FoldedBit : 0), nameStart, known >= 0 ? KnownBit | known : nameLength);

    /// <summary>A field set in code: a known header's index, or -1 when the table keeps the name.</summary>
    public static HeaderField InCode(int known) =>
        new(0, 0, 0, InCodeBit | (known >= 0 ? KnownBit | known : 0));
}
