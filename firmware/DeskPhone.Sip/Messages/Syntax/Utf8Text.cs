using System.Text;

namespace DeskPhone.Sip.Messages.Syntax;

/// <summary>Runs a byte-level grammar reader over a string (values set in code rather than parsed).</summary>
internal static class Utf8Text
{
    private const int StackLimit = 1024;

    public delegate bool Reader<T>(ReadOnlySpan<byte> text, out T result);

    public static bool TryRead<T>(string? text, Reader<T> reader, out T result)
    {
        if (text is null)
        {
            result = default!;
            return false;
        }

        var maximum = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> buffer = maximum <= StackLimit ? stackalloc byte[maximum] : new byte[maximum];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        return reader(buffer[..length], out result);
    }
}
