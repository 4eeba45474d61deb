using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DeskPhone.Sip.Tests.Properties;

/// <summary>
/// A real-looking message damaged by a few random edits: bytes flipped, inserted (favouring the
/// bytes SIP's grammar hinges on), deleted, duplicated, or the datagram cut short.
/// </summary>
public sealed class Mutation(string baseName, byte[] bytes)
{
    private static readonly byte[] Significant = "\r\n :;,=\"<>@[]%/\\?\t\0"u8.ToArray();

    private static readonly (string Name, byte[] Bytes)[] Originals =
    [
        ("invite", Encoding.UTF8.GetBytes(
            "INVITE sip:200@192.0.2.10:5060;transport=udp SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bK74bf9;rport, SIP/2.0/UDP [2001:db8::7];branch=z9hG4bKa1\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: \"Desk \\\"101\\\"\" <sip:101@pbx.lab.example>;tag=9fxced76sl\r\n" +
            "To: <sip:200@pbx.lab.example>\r\n" +
            "Call-ID: 3848276298220188511@192.0.2.20\r\n" +
            "CSeq: 31862 INVITE\r\n" +
            "Contact: <sip:101@192.0.2.20:5062>;expires=60, \"Other\" <sip:101@[2001:db8::7]:5062>\r\n" +
            "Route: <sip:pbx.lab.example;lr>\r\n" +
            "Subject: folded\r\n  across two lines\r\n" +
            "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS\r\n" +
            "Content-Type: application/sdp\r\n" +
            "Content-Length: 129\r\n\r\n" +
            "v=0\r\no=- 1 1 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\nm=audio 16384 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n")),
        ("ok", Encoding.UTF8.GetBytes(
            "SIP/2.0 200 OK\r\n" +
            "v: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bK74bf9;received=192.0.2.20;rport=5062\r\n" +
            "f: <sip:101@pbx.lab.example>;tag=9fxced76sl\r\n" +
            "t: <sip:200@pbx.lab.example>;tag=8321234356\r\n" +
            "i: 3848276298220188511@192.0.2.20\r\n" +
            "CSeq: 31862 INVITE\r\n" +
            "m: <sip:200@192.0.2.30>\r\n" +
            "Record-Route: <sip:pbx.lab.example;lr>\r\n" +
            "l: 0\r\n\r\n")),
        ("register", Encoding.UTF8.GetBytes(
            "REGISTER sip:pbx.lab.example SIP/2.0\n" +
            "Via: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bKreg\n" +
            "From: <sip:101@pbx.lab.example>;tag=a\n" +
            "To: <sip:101@pbx.lab.example>\n" +
            "Call-ID: reg@192.0.2.20\n" +
            "CSeq: 2 REGISTER\n" +
            "Authorization: Digest username=\"101\", realm=\"lab\", nonce=\"n\", uri=\"sip:pbx.lab.example\", response=\"r\"\n" +
            "Expires: 3600\n" +
            "Date: Tue, 24 Nov 2026 09:00:00 GMT\n" +
            "Content-Length: 0\n\n")),
    ];

    public string BaseName { get; } = baseName;

    public byte[] Bytes { get; } = bytes;

    public override string ToString() => $"{BaseName}: {Encoding.UTF8.GetString(Bytes)}";

    internal static Gen<Mutation> Generator =>
        from original in Gen.Elements(Originals)
        from edits in Gen.Choose(1, 6).SelectMany(count => Gen.ListOf(Edit, count))
        select new Mutation(original.Name, edits.Aggregate(original.Bytes, (bytes, edit) => edit(bytes)));

    private static Gen<Func<byte[], byte[]>> Edit =>
        from kind in Gen.Choose(0, 4)
        from at in Gen.Choose(0, 10_000)
        from value in Gen.Frequency((3, Gen.Elements(Significant)), (1, Gen.Choose(0, 255).Select(b => (byte)b)))
        from length in Gen.Choose(1, 40)
        select (Func<byte[], byte[]>)(bytes => Apply(bytes, kind, at, value, length));

    private static byte[] Apply(byte[] bytes, int kind, int at, byte value, int length)
    {
        var position = bytes.Length == 0 ? 0 : at % bytes.Length;
        var end = Math.Min(bytes.Length, position + length);
        return kind switch
        {
            0 when bytes.Length > 0 => [.. bytes[..position], value, .. bytes[(position + 1)..]],
            1 => [.. bytes[..position], value, .. bytes[position..]],
            2 => [.. bytes[..position], .. bytes[end..]],
            3 => [.. bytes[..end], .. bytes[position..end], .. bytes[end..]],
            _ => bytes[..position],
        };
    }
}
