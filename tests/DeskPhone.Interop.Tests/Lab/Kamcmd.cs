using System.Diagnostics;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>Asks a running lab Kamailio questions over its ctl socket with the kamcmd tool.</summary>
internal sealed class Kamcmd(string kamcmdPath, string controlSocketPath)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Contact URIs bound to <paramref name="extension"/> in the in-memory location table.</summary>
    public async Task<IReadOnlyList<string>> ContactsAsync(string extension, CancellationToken cancellationToken)
    {
        // "s:" keeps kamcmd from sending "101" as an integer, which ul.lookup rejects.
        var output = await RunAsync(cancellationToken, "ul.lookup", "location", "s:" + extension);
        return ParseContacts(output);
    }

    /// <summary>
    /// Reads the "Address:" lines of an ul.lookup answer. kamcmd exits 0 even on errors and
    /// prints "error: CODE - TEXT" instead; an unknown AoR is simply not registered.
    /// </summary>
    internal static IReadOnlyList<string> ParseContacts(string output)
    {
        var trimmed = output.TrimStart();
        if (trimmed.StartsWith("error:", StringComparison.Ordinal))
        {
            return trimmed.Contains("not found", StringComparison.OrdinalIgnoreCase)
                ? []
                : throw new InvalidOperationException($"kamcmd ul.lookup failed: {trimmed}");
        }

        const string Address = "Address:";
        return output
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(Address, StringComparison.Ordinal))
            .Select(line => line[Address.Length..].Trim())
            .ToList();
    }

    private async Task<string> RunAsync(CancellationToken cancellationToken, params string[] command)
    {
        var start = new ProcessStartInfo(kamcmdPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add("unix:" + controlSocketPath);
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {kamcmdPath}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return await standardOutput + await standardError;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            throw new TimeoutException($"kamcmd {string.Join(' ', command)} did not answer within {CommandTimeout}.");
        }
    }
}
