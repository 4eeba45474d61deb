namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>The pieces of a validated name-addr or addr-spec with its header parameters, as bytes.</summary>
internal readonly ref struct NameAddressParts
{
    /// <summary>A quoted-string with its quotes, a run of tokens, or empty.</summary>
    public ReadOnlySpan<byte> DisplayName { get; init; }

    public ReadOnlySpan<byte> Uri { get; init; }

    /// <summary>The parameters from their first ";" on; empty when none.</summary>
    public ReadOnlySpan<byte> Parameters { get; init; }
}
