using Microsoft.Extensions.Logging;

namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// The HAL input thread: reads the hook switch and scans the keypad at a fixed interval and
/// raises their events. A background thread of its own, so a busy thread pool never delays a
/// key, and so event handlers run somewhere that is not the phone loop.
/// </summary>
internal sealed class InputScanThread : IDisposable
{
    private readonly GpioHookSwitch _hook;
    private readonly GpioKeypad _keypad;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public InputScanThread(GpioHookSwitch hook, GpioKeypad keypad, TimeSpan interval, ILogger logger)
    {
        _hook = hook;
        _keypad = keypad;
        _interval = interval;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "HAL input" };
    }

    public void Start() => _thread.Start();

    /// <summary>Stops the thread and waits for the scan in progress to finish.</summary>
    public void Dispose()
    {
        _stop.Set();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        bool failing = false;
        do
        {
            try
            {
                _hook.Poll();
                _keypad.Scan();
                failing = false;
            }
            catch (IOException e)
            {
                // Logged once per run of failures: a loose connector must not flood the log every few ms.
                if (!failing)
                {
                    _logger.LogError(e, "Reading the hook switch or the keypad failed; retrying");
                }

                failing = true;
            }
        }
        while (!_stop.Wait(_interval));
    }
}
