using System.Net;

namespace DeskPhone.Media;

/// <summary>Where an <see cref="RtpStream"/> binds its socket, and how it sends DTMF.</summary>
public sealed record RtpStreamOptions
{
    /// <summary>The local address to bind, normally the one advertised in SDP.</summary>
    public required IPAddress LocalAddress { get; init; }

    /// <summary>Lowest UDP port to use (inclusive).</summary>
    public int FirstPort { get; init; } = 16384;

    /// <summary>Highest UDP port to use (inclusive); only even ports are bound (RFC 3550 §11).</summary>
    public int LastPort { get; init; } = 32767;

    /// <summary>
    /// How long each DTMF digit sounds, rounded up to whole 20 ms packets, from 20 ms to 5 s.
    /// PBX feature codes and IVRs commonly want 100 ms or more; the default leaves margin.
    /// </summary>
    public TimeSpan DtmfDigitDuration { get; init; } = TimeSpan.FromMilliseconds(120);

    /// <summary>
    /// Silence from the end of one digit to the start of the next, rounded up to whole 20 ms
    /// packets, from 40 ms (the two repeats of the end packet occupy that, RFC 4733 §2.5.1.4)
    /// to 5 s. With the defaults a digit takes 200 ms, so "*2" is sent within half a second.
    /// </summary>
    public TimeSpan DtmfGap { get; init; } = TimeSpan.FromMilliseconds(80);

    /// <summary>
    /// 1–99: the "RTP receive" thread asks for SCHED_FIFO at this priority, which should be just
    /// below the audio thread's so that audio periods always come first; 0 (the default): it
    /// stays under the normal scheduler. Refused (no CAP_SYS_NICE or RLIMIT_RTPRIO), the thread
    /// runs at normal priority and one warning is logged per process.
    /// </summary>
    public int ReceiveRealtimePriority { get; init; }
}
