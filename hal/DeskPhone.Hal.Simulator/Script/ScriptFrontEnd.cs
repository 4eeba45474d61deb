namespace DeskPhone.Hal.Simulator;

/// <summary>
/// Operates the simulated phone from a line-oriented script (stdin in a headless run, a
/// StringReader in tests) and logs what the phone shows. Commands (one per line, the command
/// word in any case; blank lines and lines starting with '#' are skipped):
/// <c>key NAME</c>, <c>long NAME</c>, <c>dial DIGITS</c>, <c>hook off|on</c>, <c>screen</c>,
/// <c>status</c>, <c>wait TEXT [SECONDS]</c>, <c>help</c>, <c>quit</c>. Each screen change is
/// echoed as rows prefixed "LCD| ", each ringer/LED/backlight change as a "HW| " line.
/// One-shot: start it once, stop it once.
/// </summary>
/// <remarks>
/// Output is written under a lock by whichever thread has something to say; screen echoes are
/// written on the phone loop, so a reader that stops reading the output stalls the phone.
/// </remarks>
public sealed class ScriptFrontEnd : IDisposable
{
    public const string ScreenMarker = "--- screen ---";
    public const string ScreenPrefix = "LCD| ";
    public const string HardwarePrefix = "HW| ";

    private const string Help =
        "commands: key NAME | long NAME | dial DIGITS | hook off|on | screen | status | wait TEXT [SECONDS] | help | quit";

    private readonly SimulatedHardware _hardware;
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly Lock _write = new();
    private readonly Lock _lifecycle = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ManualResetEventSlim _quit = new(false);
    private string? _lastEchoedText;
    private bool _lastEchoedBacklight = true;
    private bool _used;

    public ScriptFrontEnd(SimulatedHardware hardware, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _hardware = hardware;
        _input = input;
        _output = output;
    }

    /// <summary>Raised once when the script says <c>quit</c>. THREAD: the script thread.</summary>
    public event Action? QuitRequested;

    /// <summary>Starts echoing the hardware and reading commands on a thread of its own.</summary>
    /// <exception cref="InvalidOperationException">Already started once.</exception>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (_used)
            {
                throw new InvalidOperationException("A script front-end can only be started once.");
            }

            _used = true;
            _hardware.Screen.Changed += EchoScreen;
            _hardware.Ringer.Changed += EchoRinger;
            _hardware.Indicators.Changed += EchoIndicators;

            // Background: a read from stdin cannot be interrupted, so at Stop this thread may
            // stay blocked in it until the process ends; it executes nothing read after Stop.
            new Thread(ReadCommands) { IsBackground = true, Name = "Script front-end" }.Start();
        }
    }

    /// <summary>Stops echoing and executing commands; interrupts a running <c>wait</c>. Safe to call more than once.</summary>
    public void Stop()
    {
        lock (_lifecycle)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            _hardware.Screen.Changed -= EchoScreen;
            _hardware.Ringer.Changed -= EchoRinger;
            _hardware.Indicators.Changed -= EchoIndicators;
        }
    }

    /// <summary>Runs until the script says <c>quit</c> or <paramref name="cancellationToken"/> is cancelled.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        Start();
        try
        {
            WaitHandle.WaitAny([cancellationToken.WaitHandle, _quit.WaitHandle]);
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>
    /// Same as <see cref="Stop"/>. The token source and event are deliberately not disposed:
    /// the script thread may still be blocked in a read and check them afterwards.
    /// </summary>
    public void Dispose() => Stop();

    /// <summary>Executes one script line; returns false after <c>quit</c>. Never throws for bad input.</summary>
    internal bool Execute(string line)
    {
        string trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return true;
        }

        int space = trimmed.IndexOf(' ');
        string word = space < 0 ? trimmed : trimmed[..space];
        string command = word.ToLowerInvariant();
        string arguments = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        switch (command)
        {
            case "key":
            case "long":
                PressKey(arguments, longPress: command == "long");
                return true;
            case "dial":
                Dial(arguments);
                return true;
            case "hook":
                Hook(arguments);
                return true;
            case "screen":
                PrintScreen();
                return true;
            case "status":
                Write(DescribeStatus());
                return true;
            case "wait":
                Wait(arguments);
                return true;
            case "help":
                Write(Help);
                return true;
            case "quit":
                // The event first: once _quit is set, Run returns and the host may tear everything down.
                QuitRequested?.Invoke();
                _quit.Set();
                return false;
            default:
                Write($"error: unknown command '{word}' (try 'help')");
                return true;
        }
    }

    private void ReadCommands()
    {
        while (!_stopping.IsCancellationRequested)
        {
            // End of input does not quit: a headless host keeps running until it is stopped.
            string? line = _input.ReadLine();
            if (line is null || _stopping.IsCancellationRequested || !Execute(line))
            {
                return;
            }
        }
    }

    private void PressKey(string name, bool longPress)
    {
        if (!ScriptSyntax.TryParseKey(name, out PhoneKey key))
        {
            Write($"error: unknown key '{name}' (a dial character 0-9 * #, or one of: {string.Join(", ", Enum.GetNames<PhoneKey>())})");
        }
        else if (longPress)
        {
            _hardware.Keys.LongPress(key);
        }
        else
        {
            _hardware.Keys.Press(key);
        }
    }

    private void Dial(string digits)
    {
        if (digits.Length == 0 || !digits.All(c => SimulatedKeypad.TryGetDialKey(c, out _)))
        {
            Write($"error: dial needs dial characters 0-9 * #, got '{digits}'");
            return;
        }

        _hardware.Keys.Type(digits);
    }

    private void Hook(string state)
    {
        switch (state.ToLowerInvariant())
        {
            case "off":
                _hardware.Hook.SetOffHook(true);
                break;
            case "on":
                _hardware.Hook.SetOffHook(false);
                break;
            default:
                Write($"error: hook needs 'off' (lift) or 'on' (replace), got '{state}'");
                break;
        }
    }

    private void Wait(string arguments)
    {
        if (!ScriptSyntax.TryParseWait(arguments, out string text, out TimeSpan timeout, out string error))
        {
            Write($"error: {error}");
            return;
        }

        try
        {
            // Blocking is right here: the script thread exists to run one command after another.
            bool shown = _hardware.Screen.WaitForTextAsync(text, timeout, _stopping.Token).GetAwaiter().GetResult();
            Write(shown ? "ok" : "timeout");
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting: the run is over, nothing more to report.
        }
    }

    private void PrintScreen()
    {
        IReadOnlyList<string> lines = _hardware.Screen.Lines;
        lock (_write)
        {
            _output.WriteLine(ScreenMarker);
            foreach (string line in lines)
            {
                _output.WriteLine(line);
            }

            _output.WriteLine(ScreenMarker);
            _output.Flush();
        }
    }

    private string DescribeStatus() =>
        $"hook={(_hardware.Hook.IsOffHook ? "off" : "on")} ringer={(_hardware.Ringer.IsRinging ? "ringing" : "quiet")} "
        + $"line-led={_hardware.Indicators.Line.ToString().ToLowerInvariant()} "
        + $"message-led={(_hardware.Indicators.MessageWaiting ? "on" : "off")} "
        + $"backlight={(_hardware.Screen.Backlight ? "on" : "off")}";

    // THREAD: the phone loop (the caller of Show / SetBacklight).
    private void EchoScreen()
    {
        string snapshot = _hardware.Screen.Snapshot();
        bool backlight = _hardware.Screen.Backlight;
        lock (_write)
        {
            // Changed fires for the text and for the backlight; echo only what changed.
            if (snapshot != _lastEchoedText)
            {
                _lastEchoedText = snapshot;
                foreach (string row in snapshot.Split('\n'))
                {
                    _output.WriteLine(ScreenPrefix + row);
                }
            }

            if (backlight != _lastEchoedBacklight)
            {
                _lastEchoedBacklight = backlight;
                _output.WriteLine($"{HardwarePrefix}backlight {(backlight ? "on" : "off")}");
            }

            _output.Flush();
        }
    }

    // THREAD: the phone loop.
    private void EchoRinger(bool ringing) => Write($"{HardwarePrefix}ringer {(ringing ? "on" : "off")}");

    // THREAD: the phone loop.
    private void EchoIndicators() =>
        Write($"{HardwarePrefix}line-led {_hardware.Indicators.Line.ToString().ToLowerInvariant()} message-led {(_hardware.Indicators.MessageWaiting ? "on" : "off")}");

    private void Write(string line)
    {
        lock (_write)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
