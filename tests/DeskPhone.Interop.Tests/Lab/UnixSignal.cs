using System.Runtime.InteropServices;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// Sends SIGTERM, which .NET's Process has no call for. Kamailio's main process answers
/// SIGTERM by stopping its workers and removing its control socket; SIGKILL would not.
/// </summary>
internal static partial class UnixSignal
{
    private const int SigTerm = 15;

    /// <summary>True when the signal was delivered (the process existed).</summary>
    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
