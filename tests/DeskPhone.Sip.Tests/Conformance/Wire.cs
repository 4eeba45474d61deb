using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Conformance;

/// <summary>Writes test messages line by line, so each line of a torture case reads as it goes on the wire.</summary>
internal static class Wire
{
    /// <summary>The lines joined with CRLF; end with "", "" for the empty line after the headers.</summary>
    public static byte[] Crlf(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    /// <summary>The lines joined with bare LF, as RFC 5118's messages were published.</summary>
    public static byte[] Lf(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    public static SipParseResult Parse(params string[] lines) => SipMessageParser.Parse(Crlf(lines));

    public static SipRequest Request(params string[] lines)
    {
        var result = Parse(lines);
        Assert.True(result.Success, "expected a well-formed request, got: " + result.Defect);
        return Assert.IsType<SipRequest>(result.Message);
    }

    /// <summary>Asserts the request is refused with <paramref name="defect"/> and can still be answered.</summary>
    public static void AssertAnswerableDefect(string defect, params string[] lines)
    {
        var result = Parse(lines);
        Assert.False(result.Success);
        Assert.Equal(defect, result.Defect);
        Assert.NotNull(result.AnswerableRequest);
    }
}
