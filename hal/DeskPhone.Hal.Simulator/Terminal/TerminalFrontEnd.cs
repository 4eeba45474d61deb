namespace DeskPhone.Hal.Simulator;

/// <summary>
/// Operates the simulated phone from an interactive terminal: draws it on an ANSI screen and
/// turns PC key presses into phone key presses (<see cref="TerminalKeyMap"/>). One-shot:
/// start it once, stop it once.
/// </summary>
public sealed class TerminalFrontEnd : IDisposable
{
    private const string EnterAlternateScreen = "\e[?1049h";
    private const string LeaveAlternateScreen = "\e[?1049l";
    private const string HideCursor = "\e[?25l";
    private const string ShowCursor = "\e[?25h";
    private const string ResetAttributes = "\e[0m";

    private readonly SimulatedHardware _hardware;
    private readonly AutoResetEvent _redraw = new(false);
    private readonly Lock _lifecycle = new();
    private Thread? _renderThread;
    private volatile bool _running;
    private bool _used;

    public TerminalFrontEnd(SimulatedHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        _hardware = hardware;
    }

    /// <summary>True when this process has an interactive console (neither input nor output redirected).</summary>
    public static bool IsSupported => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary>
    /// Takes over the terminal (alternate screen, hidden cursor) and starts the key-reading and
    /// drawing threads. Ctrl-C stays a signal for the host.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not <see cref="IsSupported"/>, or already started once.</exception>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (!IsSupported)
            {
                throw new InvalidOperationException("The terminal front-end needs an interactive console; use the script front-end when input or output is redirected.");
            }

            if (_used)
            {
                throw new InvalidOperationException("A terminal front-end can only be started once.");
            }

            _used = true;
            _running = true;
            Console.TreatControlCAsInput = false;
            Console.Out.Write(EnterAlternateScreen + HideCursor);

            Subscribe();
            _renderThread = new Thread(DrawLoop) { IsBackground = true, Name = "Terminal front-end drawing" };
            _renderThread.Start();

            // Background: Console.ReadKey cannot be interrupted, so this thread is left blocked
            // in it at Stop and ends with the process; it ignores any key read after Stop.
            new Thread(ReadKeys) { IsBackground = true, Name = "Terminal front-end keys" }.Start();
            _redraw.Set();
        }
    }

    /// <summary>Stops drawing and reading keys and gives the terminal back as it was. Safe to call more than once.</summary>
    public void Stop()
    {
        lock (_lifecycle)
        {
            if (!_running)
            {
                return;
            }

            _running = false;
            Unsubscribe();
            _redraw.Set();
            _renderThread?.Join();
            Console.Out.Write(ResetAttributes + ShowCursor + LeaveAlternateScreen);
            Console.Out.Flush();
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (e.g. by the host on Ctrl-C).</summary>
    public void Run(CancellationToken cancellationToken)
    {
        Start();
        try
        {
            cancellationToken.WaitHandle.WaitOne();
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>
    /// Same as <see cref="Stop"/>. The redraw event is deliberately not disposed: a hardware
    /// event already in flight on the phone loop may still set it after Stop.
    /// </summary>
    public void Dispose() => Stop();

    // THREAD: whichever thread changed the hardware (the phone loop, or the key thread for the
    // hook). Only a wake-up is posted, so slow terminal output never holds up the phone loop.
    private void RequestRedraw() => _redraw.Set();

    private void RequestRedraw(bool _) => _redraw.Set();

    private void Subscribe()
    {
        _hardware.Screen.Changed += RequestRedraw;
        _hardware.Indicators.Changed += RequestRedraw;
        _hardware.Ringer.Changed += RequestRedraw;
        _hardware.Hook.Changed += RequestRedraw;
    }

    private void Unsubscribe()
    {
        _hardware.Screen.Changed -= RequestRedraw;
        _hardware.Indicators.Changed -= RequestRedraw;
        _hardware.Ringer.Changed -= RequestRedraw;
        _hardware.Hook.Changed -= RequestRedraw;
    }

    private void DrawLoop()
    {
        while (true)
        {
            _redraw.WaitOne();
            if (!_running)
            {
                return;
            }

            // Several changes in a row coalesce into one frame.
            Console.Out.Write(TerminalRenderer.Render(_hardware, Math.Max(Console.WindowWidth, 40)));
            Console.Out.Flush();
        }
    }

    private void ReadKeys()
    {
        while (_running)
        {
            ConsoleKeyInfo pressed = Console.ReadKey(intercept: true);
            if (!_running)
            {
                return;
            }

            TerminalKeyBinding? binding = TerminalKeyMap.Find(pressed);
            if (binding is null)
            {
                continue;
            }

            if (binding.TogglesHook)
            {
                _hardware.Hook.Toggle();
            }
            else
            {
                _hardware.Keys.Press(binding.Key!.Value);
            }
        }
    }
}
