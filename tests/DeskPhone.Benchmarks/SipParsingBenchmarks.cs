using BenchmarkDotNet.Attributes;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Benchmarks;

/// <summary>
/// Parsing and serialising the messages of a typical call (issue 3's aim: under 2 µs to parse an
/// INVITE, under 1 KB allocated per message). Typed reads are measured apart: parsing leaves
/// header values as bytes until something reads them.
/// </summary>
[MemoryDiagnoser]
public class SipParsingBenchmarks
{
    private readonly SipRequest invite = TypicalMessages.BuildInvite();
    private readonly SipResponse ok = TypicalMessages.BuildOk();

    [Benchmark]
    public SipParseResult ParseInvite() => SipMessageParser.Parse(TypicalMessages.InviteBytes);

    [Benchmark]
    public SipParseResult ParseOk() => SipMessageParser.Parse(TypicalMessages.OkBytes);

    /// <summary>What dispatch reads of every incoming INVITE: top Via, From, To, Call-ID, CSeq.</summary>
    [Benchmark]
    public object ParseInviteAndReadDialogHeaders()
    {
        var message = SipMessageParser.Parse(TypicalMessages.InviteBytes).Message!;
        return (message.TopVia, message.From, message.To, message.CallId, message.CSeq);
    }

    [Benchmark]
    public byte[] SerializeInvite() => invite.ToBytes();

    [Benchmark]
    public byte[] SerializeOk() => ok.ToBytes();
}
