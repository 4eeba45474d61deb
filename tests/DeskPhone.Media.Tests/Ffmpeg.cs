using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace DeskPhone.Media.Tests;

/// <summary>
/// Runs Debian's ffmpeg as the independent reference implementation of G.711 and G.722. A
/// missing ffmpeg fails the test with the fix, never skips it: `make deps` installs it.
/// <para>
/// Starting ffmpeg costs about half a second, so callers batch: one process converts every
/// input to its own output (<c>-map N</c> per output).
/// </para>
/// </summary>
internal static class Ffmpeg
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>16-bit little-endian mono PCM in, an ffmpeg encoder and raw muxer out.</summary>
    public static Conversion Encode(short[] samples, int sampleRate, string codec, string format) =>
        new(Pcm.ToBytes(samples), $"-f s16le -ar {sampleRate} -ac 1", $"-c:a {codec} -f {format}");

    /// <summary>A raw bitstream in, read with <paramref name="inputOptions"/> (demuxer and its options); 16-bit PCM out.</summary>
    public static Conversion Decode(byte[] bitstream, string inputOptions) =>
        new(bitstream, inputOptions, "-f s16le");

    /// <summary>Runs every conversion in one ffmpeg process and returns the outputs in order.</summary>
    public static byte[][] Run(IReadOnlyList<Conversion> conversions)
    {
        string folder = Directory.CreateTempSubdirectory("deskphone-ffmpeg-").FullName;
        try
        {
            var arguments = new StringBuilder("-nostdin -hide_banner -loglevel error -y");
            for (int i = 0; i < conversions.Count; i++)
            {
                string input = Path.Combine(folder, $"in{i}");
                File.WriteAllBytes(input, conversions[i].Input);
                arguments.Append($" {conversions[i].InputOptions} -i {input}");
            }

            for (int i = 0; i < conversions.Count; i++)
            {
                arguments.Append($" -map {i} {conversions[i].OutputOptions} {Path.Combine(folder, $"out{i}")}");
            }

            Execute(arguments.ToString());
            return [.. Enumerable.Range(0, conversions.Count).Select(i => File.ReadAllBytes(Path.Combine(folder, $"out{i}")))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Execute(string arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "ffmpeg is not installed; it is the reference the codec cross-checks compare with. Run `make deps`.", e);
        }

        using (process)
        {
            Task<string> errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(Timeout), $"ffmpeg {arguments} did not finish in {Timeout}.");
            Assert.True(process.ExitCode == 0, $"ffmpeg {arguments} failed ({process.ExitCode}): {errors.Result}");
        }
    }

    /// <summary>One input file and how ffmpeg reads it, and how it writes the matching output.</summary>
    public sealed record Conversion(byte[] Input, string InputOptions, string OutputOptions);
}
