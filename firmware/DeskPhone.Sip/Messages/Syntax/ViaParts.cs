namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>The pieces of one validated via-parm, as bytes.</summary>
internal readonly ref struct ViaParts
{
    public ReadOnlySpan<byte> Transport { get; init; }

    public ReadOnlySpan<byte> Host { get; init; }

    public int? Port { get; init; }

    /// <summary>The parameters from their first ";" on; empty when none.</summary>
    public ReadOnlySpan<byte> Parameters { get; init; }
}
