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
    /// <summary>A registrar's 200 to a REGISTER (no body; 400 bytes): the message the phone gets most often.</summary>
    private static readonly byte[] RegisterOkBytes = System.Text.Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5062;received=192.0.2.10;branch=z9hG4bK1f2e3d4c5b6a7980a1b2;rport=5062\r\n" +
        "From: <sip:101@pbx.example.com>;tag=4c2d9e1a07b3f865\r\n" +
        "To: <sip:101@pbx.example.com>;tag=as5e3f0a1b\r\n" +
        "Call-ID: 9d3c1b2a4f5e6d7c8b9a0f1e2d3c4b5a\r\n" +
        "CSeq: 4712 REGISTER\r\n" +
        "Server: PBX\r\n" +
        "Contact: <sip:101@192.0.2.10:5062>;expires=3600\r\n" +
        "Date: Sat, 05 Dec 2026 21:00:00 GMT\r\n" +
        "Content-Length: 0\r\n\r\n");

    private readonly SipRequest invite = TypicalMessages.BuildInvite();
    private readonly SipResponse ok = TypicalMessages.BuildOk();

    [Benchmark]
    public SipParseResult ParseInvite() => SipMessageParser.Parse(TypicalMessages.InviteBytes);

    [Benchmark]
    public SipParseResult ParseOk() => SipMessageParser.Parse(TypicalMessages.OkBytes);

    [Benchmark]
    public SipParseResult ParseRegisterOk() => SipMessageParser.Parse(RegisterOkBytes);

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
