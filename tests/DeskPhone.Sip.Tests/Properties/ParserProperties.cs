using DeskPhone.Sip.Messages;
using FsCheck.Xunit;

namespace DeskPhone.Sip.Tests.Properties;

/// <summary>
/// Properties of the parser and serialiser over generated and damaged messages: what is written
/// reads back the same, and no input makes the parser throw, or use memory beyond a bound
/// proportional to its size. Iteration counts are fixed; nothing here measures time.
/// </summary>
public sealed class ParserProperties
{
    /// <summary>Copy of the datagram, header table and strings: well under this per input byte plus a constant.</summary>
    private const int AllocationPerInputByte = 8;
    private const int AllocationConstant = 64 * 1024;

    [Property(Arbitrary = [typeof(SipArbitraries)], MaxTest = 200)]
    public void ParseOfSerialise_GivesBackStartLineFieldsAndBody(GeneratedMessage generated)
    {
        var parsed = SipMessageParser.Parse(generated.Message.ToBytes());

        Assert.True(parsed.Success, parsed.Defect);
        var again = new GeneratedMessage(parsed.Message!);
        Assert.Equal(generated.Fields, again.Fields);
        Assert.Equal(generated.Message.Body.ToArray(), again.Message.Body.ToArray());
        Assert.Equal(generated.Message.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), again.Message.Get(HeaderNames.ContentLength));
        switch (generated.Message, again.Message)
        {
            case (SipRequest request, SipRequest back):
                Assert.Equal((request.Method, request.RequestUri), (back.Method, back.RequestUri));
                break;
            case (SipResponse response, SipResponse back):
                Assert.Equal((response.StatusCode, response.ReasonPhrase), (back.StatusCode, back.ReasonPhrase));
                break;
            default:
                Assert.Fail("a request came back as a response, or the reverse");
                break;
        }
    }

    [Property(Arbitrary = [typeof(SipArbitraries)], MaxTest = 200)]
    public void SerialiseOfParse_IsByteForByteTheSame(GeneratedMessage generated)
    {
        var bytes = generated.Message.ToBytes();

        Assert.Equal(bytes, SipMessageParser.Parse(bytes).Message!.ToBytes());
    }

    [Property(Arbitrary = [typeof(SipArbitraries)], MaxTest = 200)]
    public void TypedHeaders_OfGeneratedMessages_AllRead(GeneratedMessage generated)
    {
        var message = SipMessageParser.Parse(generated.Message.ToBytes()).Message!;

        Assert.NotSame(NameAddress.Empty, message.From);
        Assert.NotSame(NameAddress.Empty, message.To);
        Assert.NotSame(Via.Empty, message.TopVia);
        Assert.All(message.GetAll(HeaderNames.Via), value => Assert.True(Via.TryParse(value, out _), value));
        Assert.All(message.GetAll(HeaderNames.Contact), value => Assert.True(NameAddress.TryParse(value, out _), value));
    }

    [Property(Arbitrary = [typeof(SipArbitraries)], MaxTest = 2000)]
    public void DamagedMessages_NeverThrow_AndStayWithinTheirMemoryBound(Mutation mutation)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = SipMessageParser.Parse(mutation.Bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated <= AllocationConstant + (AllocationPerInputByte * mutation.Bytes.Length), $"{allocated} bytes allocated");
        Assert.True(result.Success ^ (result.Defect is not null));
        if (result.Message is { } message)
        {
            // Whatever was accepted can be read and written, and reads back the same.
            _ = (message.From, message.To, message.TopVia, message.CSeq, message.CallId, message.GetAll(HeaderNames.Contact).ToList());
            var again = SipMessageParser.Parse(message.ToBytes());
            Assert.True(again.Success, again.Defect);
            Assert.Equal(message.Headers.Count(h => h.Name != HeaderNames.ContentLength), again.Message!.Headers.Count(h => h.Name != HeaderNames.ContentLength));
        }
    }

    [Property(Arbitrary = [typeof(SipArbitraries)], MaxTest = 200)]
    public void EveryTruncation_OfAGeneratedMessage_NeverThrows(GeneratedMessage generated)
    {
        var bytes = generated.Message.ToBytes();
        for (var length = 0; length <= bytes.Length; length += Math.Max(1, bytes.Length / 64))
        {
            var result = SipMessageParser.Parse(bytes.AsSpan(0, length));
            Assert.True(result.Success ^ (result.Defect is not null));
        }
    }
}
