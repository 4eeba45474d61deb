using System.Diagnostics;
using DeskPhone.Interop.Tests.Lab;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Conformance;

/// <summary>
/// `make conformance` inside `make test`: the phone, started headless, must handle every message
/// of the RFC 4475 and RFC 5118 torture corpora (../shared/conformance) as
/// scripts/conformance-expected.tsv says, and still answer OPTIONS afterwards. Without the corpus
/// this fails, naming what is missing.
/// </summary>
public sealed class TortureCorpusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task ConformanceScript_EveryTortureMessage_HandledAsExpected_AndThePhoneStillAnswers()
    {
        var repository = Path.GetDirectoryName(Path.GetDirectoryName(LabPaths.LabDirectory()))!;
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo(Path.Combine(repository, "scripts", "conformance.sh"), [configuration])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var script = Process.Start(start)!;
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        try
        {
            using var deadline = new CancellationTokenSource(Limit);
            await script.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }

        var report = await stdout;
        var problems = await stderr;
        output.WriteLine(report);
        output.WriteLine(problems);
        Assert.True(script.ExitCode == 0, "scripts/conformance.sh failed:\n" + problems);
        Assert.Matches(@"conformance: [1-9][0-9]* passed, 0 failed", report);
    }
}
