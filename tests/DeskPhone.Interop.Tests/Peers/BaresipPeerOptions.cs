namespace DeskPhone.Interop.Tests.Peers;

/// <summary>How to set up one <see cref="BaresipPeer"/>.</summary>
internal sealed class BaresipPeerOptions
{
    /// <summary>SIP user (extension) of the account, e.g. "101".</summary>
    public string User { get; init; } = "peer";

    /// <summary>Digest password (RFC 3261 §22), or null when the registrar does not challenge.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Registrar as "ip:port" (an IP literal: the peer has no usable DNS). Null: no registration,
    /// the peer is reached directly at <see cref="BaresipPeer.Uri"/>.
    /// </summary>
    public string? Registrar { get; init; }

    /// <summary>Transport towards the registrar: "udp", "tcp" or "tls".</summary>
    public string Transport { get; init; } = "udp";

    /// <summary>Local SIP port for UDP and TCP (TLS takes port + 1); 0 picks a free one.</summary>
    public int SipPort { get; init; }

    /// <summary>Answer incoming calls at once (<c>answermode=auto</c>); otherwise call <see cref="BaresipPeer.AcceptAsync"/>.</summary>
    public bool AutoAnswer { get; init; }

    /// <summary>What the peer sends during a call.</summary>
    public BaresipAudioSource AudioSource { get; init; } = new BaresipAudioSource.Sine(1000);

    /// <summary>Record each call's sent and received audio to WAV files (baresip's <c>sndfile</c> filter).</summary>
    public bool RecordAudio { get; init; } = true;

    /// <summary>Offered codecs in preference order: "PCMU", "PCMA", "G722", "opus" (g722.so and opus.so are loaded only when listed).</summary>
    public IReadOnlyList<string> AudioCodecs { get; init; } = ["PCMU", "PCMA"];

    /// <summary>
    /// URIs <see cref="BaresipPeer.SendMessageAsync"/> may send to. baresip 1.0 sends MESSAGE only to
    /// a contact from its contacts file, so targets must be known at start.
    /// </summary>
    public IReadOnlyList<string> MessageContacts { get; init; } = [];

    /// <summary>Put every SIP message baresip sends and receives in <see cref="BaresipPeer.Log"/> (<c>-s</c>).</summary>
    public bool SipTrace { get; init; } = true;

    /// <summary>Upper bound for start-up, including registration.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound for one ctrl_tcp command to be answered.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>baresip quits on its own after this long (<c>-t</c>), so a crashed test run leaves no process behind.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The baresip executable: a name looked up on PATH, or a path.</summary>
    public string Executable { get; init; } = "baresip";

    /// <summary>Clock for every wait.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
