namespace DeskPhone.Interop.Tests.Sipp;

/// <summary>How long and how much a <see cref="SippRun"/> runs, and the packet loss it emulates.</summary>
internal sealed record SippRunOptions
{
    /// <summary>Calls of the scenario after which SIPp exits (-m); a UAS counts each new Call-ID it receives.</summary>
    public int Calls { get; init; } = 1;

    /// <summary>
    /// SIPp's default loss (-lost, in percent) for every message it sends or receives, unless the
    /// scenario gives that message its own lost="…"; null: none.
    /// </summary>
    public int? LostPercent { get; init; }

    /// <summary>SIPp gives up, and fails, after this long (-timeout with -timeout_error).</summary>
    public TimeSpan Limit { get; init; } = SippRun.ScenarioLimit;
}
