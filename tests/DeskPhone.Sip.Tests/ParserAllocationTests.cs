using System.Text;
using DeskPhone.Sip.Agent;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests;

/// <summary>
/// What parsing one message allocates besides the copy of its bytes (docs/performance.md, "SIP
/// parsing"): the field table at 8 bytes a field, and the message and table objects; no string
/// until something reads a value. Counted by the thread's allocation counter after a warm-up, so
/// the figures are exact; the bound leaves room for object headers, not for per-field strings or
/// a table of the former 24 bytes a field.
/// </summary>
public sealed class ParserAllocationTests
{
    /// <summary>The message and its table: about 120 bytes now, with room to grow by a few fields.</summary>
    private const int ObjectsBound = 160;

    public static TheoryData<string, string> Messages => new()
    {
        { "INVITE with SDP", Peer.Invite(body: "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n") },
        { "200 OK to REGISTER", RegisterOk() },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_TypicalMessage_AllocatesItsCopyTheFieldTableAndTwoObjects(string what, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var fields = SipMessageParser.Parse(bytes).Message!.Headers.Count;
        SipMessageParser.Parse(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = SipMessageParser.Parse(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.Success, what);
        var bound = ArrayBytes(bytes.Length) + ArrayBytes(8 * fields) + ObjectsBound;
        Assert.True(allocated <= bound, $"{what}: {allocated} bytes allocated for {bytes.Length} bytes and {fields} fields; at most {bound} expected");
    }

    [Fact]
    public void ReadingAValue_MakesItsStringOnce()
    {
        var message = SipMessageParser.Parse(Encoding.ASCII.GetBytes(RegisterOk())).Message!;

        var first = message.CallId;

        Assert.Same(first, message.CallId);
        Assert.Equal("reg-1@127.0.0.1", first);
    }

    /// <summary>A byte array's size on the heap: 24 bytes of header and length, rounded up to 8 (64-bit runtime).</summary>
    private static long ArrayBytes(int length) => (24 + length + 7) & ~7;

    private static string RegisterOk()
    {
        var register = new SipRequest(SipMethods.Register, "sip:deskphone.lab");
        register.Add(HeaderNames.Via, "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1f2e3d4c;rport");
        register.Add(HeaderNames.From, "<sip:101@deskphone.lab>;tag=4c2d9e1a");
        register.Add(HeaderNames.To, "<sip:101@deskphone.lab>");
        register.Add(HeaderNames.CallId, "reg-1@127.0.0.1");
        register.Add(HeaderNames.CSeq, "2 REGISTER");
        var ok = ResponseFactory.Create(register, 200, "OK", "as5e3f0a");
        ok.Add(HeaderNames.Contact, "<sip:101@127.0.0.1:5070>;expires=3600");
        ok.Add(HeaderNames.Server, "PBX");
        return ok.ToString();
    }
}
