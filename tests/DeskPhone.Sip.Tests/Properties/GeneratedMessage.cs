using System.Globalization;
using DeskPhone.Sip.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace DeskPhone.Sip.Tests.Properties;

/// <summary>A well-formed request or response built in code, and the generator FsCheck draws them from.</summary>
public sealed class GeneratedMessage(SipMessage message)
{
    public SipMessage Message { get; } = message;

    /// <summary>Every header field but Content-Length, which serialisation writes itself.</summary>
    public IReadOnlyList<SipHeader> Fields => Message.Headers.Where(h => h.Name != HeaderNames.ContentLength).ToList();

    public override string ToString() => Message.ToString();

    internal static Gen<GeneratedMessage> Generator =>
        from isRequest in Gen.Elements(true, false)
        from method in SipGenerators.Method
        from startLine in isRequest
            ? SipGenerators.RequestUri.Select(uri => (Method: method, Uri: uri, Code: 0, Reason: string.Empty))
            : Gen.Zip(Gen.Choose(100, 699), Gen.Frequency((1, Gen.Constant(string.Empty)), (4, SipGenerators.FreeText)))
                .Select(status => (Method: method, Uri: string.Empty, Code: status.Item1, Reason: status.Item2))
        from vias in SipGenerators.Between(1, 3, SipGenerators.Between(1, 3, SipGenerators.ViaValue).Select(values => string.Join(", ", values)))
        from sender in SipGenerators.NameAddress
        from recipient in SipGenerators.NameAddress
        from callId in SipGenerators.CallId
        from number in Gen.Choose(0, int.MaxValue)
        from contacts in SipGenerators.Between(0, 2, SipGenerators.Between(1, 2, SipGenerators.NameAddress).Select(values => string.Join(", ", values)))
        from maxForwards in Gen.Choose(0, 255)
        from extensions in SipGenerators.Between(0, 4, Gen.Zip(SipGenerators.Token.Select(name => "X-" + name), SipGenerators.FreeText))
        from body in SipGenerators.Body
        from fields in Gen.Shuffle(
            vias.Select(v => new SipHeader(HeaderNames.Via, v))
                .Append(new SipHeader(HeaderNames.From, sender))
                .Append(new SipHeader(HeaderNames.To, recipient))
                .Append(new SipHeader(HeaderNames.CallId, callId))
                .Append(new SipHeader(HeaderNames.CSeq, $"{number} {method}"))
                .Append(new SipHeader(HeaderNames.MaxForwards, maxForwards.ToString(CultureInfo.InvariantCulture)))
                .Concat(contacts.Select(c => new SipHeader(HeaderNames.Contact, c)))
                .Concat(extensions.Select(e => new SipHeader(e.Item1, e.Item2)))
                .Concat(body.Length > 0 ? [new SipHeader(HeaderNames.ContentType, "application/octet-stream;x=1")] : []))
        select Build(startLine.Method, startLine.Uri, startLine.Code, startLine.Reason, fields, body);

    private static GeneratedMessage Build(string method, string uri, int code, string reason, IEnumerable<SipHeader> fields, byte[] body)
    {
        SipMessage message = code == 0 ? new SipRequest(method, uri) : new SipResponse(code, reason);
        foreach (var field in fields)
        {
            message.Add(field.Name, field.Value);
        }

        message.Body = body;
        return new GeneratedMessage(message);
    }
}

/// <summary>The arbitraries the properties of this folder draw from.</summary>
public static class SipArbitraries
{
    public static Arbitrary<GeneratedMessage> Messages() => GeneratedMessage.Generator.ToArbitrary();

    public static Arbitrary<Mutation> Mutations() => Mutation.Generator.ToArbitrary();
}
