using System.Diagnostics;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>The output and the end of a lab server process (Kamailio, dnsmasq).</summary>
internal static class LabProcessPipes
{
    /// <summary>
    /// Copies the process's stdout and stderr into <paramref name="log"/>, a line at a time. A
    /// dedicated thread per pipe, not Process's async events: on Unix those park a thread-pool
    /// thread in a blocking read for the server's whole life, and two of them starve the pool of a
    /// two-core machine, stalling every test await by ~0.5 s while the pool grows.
    /// </summary>
    public static Thread[] CopyToLog(Process started, LabLog log, string name) =>
        [Read(started.StandardOutput, log, name), Read(started.StandardError, log, name)];

    /// <summary>
    /// SIGTERM, then a kill of the whole tree after <paramref name="grace"/>; waits for the exit and
    /// for the pipes to close (then the log is complete), and disposes the process.
    /// </summary>
    public static void Stop(Process running, Thread[] readers, TimeSpan grace)
    {
        if (!running.HasExited)
        {
            UnixSignal.Terminate(running.Id);
            if (!running.WaitForExit(grace))
            {
                running.Kill(entireProcessTree: true);
            }
        }

        running.WaitForExit();
        foreach (var reader in readers)
        {
            reader.Join(grace);
        }

        running.Dispose();
    }

    private static Thread Read(StreamReader pipe, LabLog log, string name)
    {
        var reader = new Thread(() =>
        {
            while (pipe.ReadLine() is { } line)
            {
                log.Append(line);
            }
        })
        {
            IsBackground = true,
            Name = name + " log reader",
        };
        reader.Start();
        return reader;
    }
}
