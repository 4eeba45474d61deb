namespace DeskPhone.Hal.Simulator;

/// <summary>
/// The handset cradle, operated by a front-end or a test. There is no bounce to filter: every
/// call is already a clean state.
/// </summary>
public sealed class SimulatedHookSwitch : IHookSwitch
{
    // 1 = off hook. An int so Interlocked can make each change atomic even if a terminal and a
    // test thread operate the cradle at once.
    private int _offHook;

    public bool IsOffHook => Volatile.Read(ref _offHook) == 1;

    /// <summary>
    /// Raised with the new state (true = off hook), only when the state really changes.
    /// THREAD: the thread that called <see cref="SetOffHook"/> or <see cref="Toggle"/>.
    /// </summary>
    public event Action<bool>? Changed;

    /// <summary>Lifts (true) or replaces (false) the handset.</summary>
    public void SetOffHook(bool offHook)
    {
        int wanted = offHook ? 1 : 0;
        if (Interlocked.Exchange(ref _offHook, wanted) != wanted)
        {
            Changed?.Invoke(offHook);
        }
    }

    /// <summary>Lifts the handset if it is down, replaces it if it is up.</summary>
    public void Toggle()
    {
        int before;
        do
        {
            before = Volatile.Read(ref _offHook);
        }
        while (Interlocked.CompareExchange(ref _offHook, 1 - before, before) != before);

        Changed?.Invoke(before == 0);
    }
}
