using System.Net;
using DeskPhone.Sip.Threading;
using DeskPhone.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Sip.Registration;

/// <summary>
/// Keeps the connection to the registrar alive and notices when it dies (RFC 5626 §4.4.1): while
/// registered over a connection-oriented transport it sends a double-CRLF ping every
/// <see cref="Interval"/> (80–100 % of it, randomised so phones do not ping in step) and expects
/// the single-CRLF pong within <see cref="PongTimeout"/>. A missing pong, a connection that closed,
/// or no connection at all means the flow failed: the connection is closed and
/// <see cref="FlowFailed"/> asks for a new registration, which opens a new one. Runs on the loop.
/// </summary>
internal sealed class FlowKeepAlive
{
    /// <summary>How often the registrar's flow is pinged; NAT bindings and proxies keep an idle TCP flow far longer.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>RFC 5626 §4.4.1: a pong not received within 10 seconds means the flow failed.</summary>
    public static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(10);

    private readonly IConnectionTransport transport;
    private readonly SignallingLoop loop;
    private readonly ILogger logger;
    private ITimer? nextPing;
    private ITimer? pongDeadline;
    private bool running;
    private IPEndPoint? registrar;

    public FlowKeepAlive(IConnectionTransport transport, SignallingLoop loop, ILogger logger)
    {
        this.transport = transport;
        this.loop = loop;
        this.logger = logger;
    }

    /// <summary>The flow to the registrar failed. THREAD: signalling loop.</summary>
    public event Action? FlowFailed;

    /// <summary>A uniform random number in [0, 1) that spreads the pings; tests replace it.</summary>
    public Func<double> NextJitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>
    /// Starts pinging (again) from now the flow to <paramref name="flow"/>, the registrar's
    /// address the phone registered at. THREAD: signalling loop.
    /// </summary>
    public void Start(IPEndPoint flow)
    {
        Stop();
        registrar = flow;
        running = true;
        ScheduleNextPing();
    }

    /// <summary>Stops pinging and forgets an outstanding ping. THREAD: signalling loop.</summary>
    public void Stop()
    {
        running = false;
        nextPing?.Dispose();
        pongDeadline?.Dispose();
        nextPing = pongDeadline = null;
    }

    /// <summary>A pong came from <paramref name="remote"/>. THREAD: signalling loop.</summary>
    public void ReceivePong(IPEndPoint remote)
    {
        if (!running || pongDeadline is null || !remote.Equals(registrar))
        {
            return;
        }

        pongDeadline.Dispose();
        pongDeadline = null;
        ScheduleNextPing();
    }

    /// <summary>The connection to <paramref name="remote"/> ended. THREAD: signalling loop.</summary>
    public void ConnectionClosed(IPEndPoint remote)
    {
        if (running && remote.Equals(registrar))
        {
            Fail("the connection to the registrar closed");
        }
    }

    private void ScheduleNextPing()
    {
        var due = Interval * (0.8 + (0.2 * NextJitter()));
        nextPing = loop.Schedule(due, Ping);
    }

    private void Ping()
    {
        if (!running)
        {
            return;
        }

        if (!transport.TrySendPing(registrar!))
        {
            Fail("no connection to the registrar is open");
            return;
        }

        pongDeadline = loop.Schedule(PongTimeout, () =>
        {
            if (running)
            {
                transport.Close(registrar!);
                Fail("no pong within " + PongTimeout.TotalSeconds + " s");
            }
        });
    }

    private void Fail(string why)
    {
        logger.LogWarning("The flow to the registrar {Registrar} failed ({Why}); registering again", registrar, why);
        Stop();
        FlowFailed?.Invoke();
    }
}
