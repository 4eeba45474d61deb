namespace DeskPhone.Media.Rtcp;

/// <summary>NTP timestamps as RTCP carries them (RFC 3550 §4): seconds since 1900 in the high 32 bits, fraction in the low.</summary>
internal static class NtpTime
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ulong From(DateTimeOffset time)
    {
        TimeSpan sinceEpoch = time - Epoch;
        ulong seconds = (ulong)(sinceEpoch.Ticks / TimeSpan.TicksPerSecond);
        ulong fraction = (ulong)(sinceEpoch.Ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits (16.16 fixed point seconds), as in LSR and round-trip arithmetic (§6.4.1).</summary>
    public static uint Middle(ulong ntp) => (uint)(ntp >> 16);

    /// <summary>A duration in the 1/65536 s units of DLSR and of the middle 32 bits.</summary>
    public static uint Units(TimeSpan duration) => (uint)(duration.Ticks * 65536 / TimeSpan.TicksPerSecond);

    public static TimeSpan FromUnits(uint units) => TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / 65536);
}
