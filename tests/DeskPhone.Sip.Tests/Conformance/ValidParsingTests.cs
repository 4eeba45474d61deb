using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Tests.Conformance;

/// <summary>RFC 4475 §3.1.1: messages that look odd but are well formed, and must be read as meant.</summary>
public sealed class ValidParsingTests
{
    [Fact]
    public void Parse_OddWhitespaceCaseFoldingAndLeadingZeros_ReadsEveryHeaderAsMeant()
    {
        var request = Wire.Request(
            "INVITE sip:alice@lab.example;odd-param SIP/2.0",
            "tO   :",
            "   sip:alice@lab.example   ;  tag  =  t-77",
            "FROM\t: \"Bob \\\\ the \\\"builder\\\"\"    <sip:bob@lab.example>",
            "     ;",
            "   tag = f-88",
            "mAx-FoRwArDs: 000070",
            "call-id: ws.1@192.0.2.4",
            "cSeQ: 00042",
            "   INVITE",
            "VIA :  SIP /  2.0",
            "  /  UDP",
            "\t 192.0.2.4 ; branch = z9hG4bKws1 , SIP/2.0/TCP relay.lab.example:5070;branch=z9hG4bKws0",
            "X-Strange-But-Fine: ;;,,;",
            "m: \"Two  Spaces\"  <sip:bob@192.0.2.4> ; q = 0.5",
            "Content-Length : 0",
            "",
            "");

        Assert.Equal("sip:alice@lab.example", request.To.Uri);
        Assert.Equal("t-77", request.To.Tag);
        Assert.Equal("Bob \\ the \"builder\"", request.From.DisplayName);
        Assert.Equal("f-88", request.From.Tag);
        Assert.Equal(new CSeq(42, SipMethods.Invite), request.CSeq);
        Assert.Equal(("UDP", "192.0.2.4", "z9hG4bKws1"), (request.TopVia.Transport, request.TopVia.Host, request.TopVia.Branch));
        Assert.Equal(2, request.GetAll(HeaderNames.Via).Count());
        Assert.True(NameAddress.TryParse(request.Get(HeaderNames.Contact), out var contact));
        Assert.Equal("0.5", contact.Parameters["q"]);
        Assert.Equal(";;,,;", request.Get("X-Strange-But-Fine"));
    }

    [Fact]
    public void Parse_UnknownMethodAndHeaderWithEveryTokenCharacter_KeepsThemVerbatim()
    {
        const string method = "ODD-method.0_9!%*+`'~";
        var request = Wire.Request(
            $"{method} sip:svc(a)&b'c$d@lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK-.!%*_+`'~",
            "From: tok~en1 tok`en2 <sip:bob@lab.example>;tag=x_-.!%*+`'~",
            "To: \"quoted \\\u0007 pair\" <sip:alice@lab.example>",
            "Call-ID: word%!.*_+`'~()<>:\\\"/[]?{}@host",
            $"CSeq: 1 {method}",
            "X-Ext!%*_+`'~: καλημέρα",
            "",
            "");

        Assert.Equal(method, request.Method);
        Assert.Equal("tok~en1 tok`en2", request.From.DisplayName);
        Assert.Equal("quoted \u0007 pair", request.To.DisplayName);
        Assert.Equal("καλημέρα", request.Get("X-Ext!%*_+`'~"));
        Assert.Equal("svc(a)&b'c$d", SipUri.TryParse(request.RequestUri, out var uri) ? uri.User : null);
    }

    [Fact]
    public void Parse_PercentEscapes_DecodedInUserPartsOnly()
    {
        var request = Wire.Request(
            "INVITE sip:sip%3Acarol%40lab.example@gw.lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKesc",
            "From: <sip:%41nn%20Smith@lab.example>;tag=1",
            "To: sip:%62ob@lab.example",
            "Call-ID: esc@192.0.2.4",
            "CSeq: 1 INVITE",
            "Contact: <sip:bob@192.0.2.4;%6C%72;na%6De=va%6Cue%25>",
            "",
            "");

        Assert.Equal("sip:carol@lab.example", SipUri.TryParse(request.RequestUri, out var target) ? target.User : null);
        Assert.Equal("Ann Smith", request.From.SipUri!.User);
        Assert.Equal("bob", request.To.SipUri!.User);
        var contact = NameAddress.TryParse(request.Get(HeaderNames.Contact), out var address) ? address.SipUri! : null;
        Assert.Equal("va%6Cue%25", contact!.Parameter("na%6De"));
    }

    [Fact]
    public void Parse_EscapedNulInUserPart_KeepsTheWholeUser()
    {
        var request = Wire.Request(
            "REGISTER sip:lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnul",
            "From: sip:a-%00-b@lab.example;tag=1",
            "To: sip:a-%00-b@lab.example",
            "Call-ID: nul@192.0.2.4",
            "CSeq: 1 REGISTER",
            "Contact: <sip:%00@192.0.2.4>, <sip:%00%00@192.0.2.4>",
            "",
            "");

        Assert.Equal("a-\0-b", request.To.SipUri!.User);
        Assert.Equal(["<sip:%00@192.0.2.4>", "<sip:%00%00@192.0.2.4>"], request.GetAll(HeaderNames.Contact).ToArray());
    }

    [Fact]
    public void Parse_PercentOutsideEscapingPlaces_IsPlainText()
    {
        var request = Wire.Request(
            "REG%49STER sip:lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK%zz",
            "From: \"%Q%41\" <sip:bob@lab.example>;tag=1",
            "To: <sip:bob@lab.example>",
            "Call-ID: pct@192.0.2.4",
            "CSeq: 2 REG%49STER",
            "C%6Fntact: <sip:not-a-contact@192.0.2.4>",
            "",
            "");

        Assert.Equal("REG%49STER", request.Method);
        Assert.Equal("%Q%41", request.From.DisplayName);
        Assert.Empty(request.GetAll(HeaderNames.Contact));
        Assert.Equal("<sip:not-a-contact@192.0.2.4>", request.Get("C%6Fntact"));
    }

    [Fact]
    public void Parse_TokenDisplayNameWithoutSpaceBeforeAngle_IsADisplayName()
    {
        var request = Wire.Request(
            "OPTIONS sip:alice@lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKlws",
            "From: bob<sip:bob@lab.example>;tag=9",
            "To: sip:alice@lab.example",
            "Call-ID: lws@192.0.2.4",
            "CSeq: 1 OPTIONS",
            "",
            "");

        Assert.Equal("bob", request.From.DisplayName);
        Assert.Equal("sip:bob@lab.example", request.From.Uri);
    }

    [Fact]
    public void Parse_VeryLongValuesAndManyValues_KeepsThemWhole()
    {
        var longUser = string.Concat(Enumerable.Repeat("verylong", 60));
        var longTag = new string('7', 700);
        var vias = string.Join(", ", Enumerable.Range(0, 30).Select(i => $"SIP/2.0/UDP hop{i}.lab.example;branch=z9hG4bKhop{i}"));
        var request = Wire.Request(
            $"INVITE sip:{longUser}@lab.example SIP/2.0",
            $"Via: {vias}",
            $"From: <sip:{longUser}@lab.example>;tag={longTag}",
            $"To: \"{new string('n', 400)}\" <sip:alice@lab.example;{new string('p', 300)}=v>",
            $"Call-ID: {new string('c', 500)}@lab.example",
            "CSeq: 1 INVITE",
            "",
            "");

        Assert.Equal(longTag, request.From.Tag);
        Assert.Equal(longUser, request.From.SipUri!.User);
        Assert.Equal(30, request.GetAll(HeaderNames.Via).Count());
        Assert.Equal("v", request.To.SipUri!.Parameter(new string('p', 300)));
    }

    [Fact]
    public void Parse_OctetsAfterContentLength_AreDiscarded()
    {
        var request = Wire.Request(
            "REGISTER sip:lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKtrail",
            "From: <sip:bob@lab.example>;tag=1",
            "To: <sip:bob@lab.example>",
            "Call-ID: trail@192.0.2.4",
            "CSeq: 3 REGISTER",
            "Content-Length: 0",
            "",
            "INVITE sip:bob@lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKsmuggled",
            "",
            "");

        Assert.Equal(SipMethods.Register, request.Method);
        Assert.True(request.Body.IsEmpty);
        Assert.Single(request.GetAll(HeaderNames.Via));
    }

    [Fact]
    public void Parse_SemicolonsInRequestUriUserPart_BelongToTheUser()
    {
        var request = Wire.Request(
            "OPTIONS sip:bob;ext=9%40inner@lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKsemi",
            "From: <sip:carol@lab.example>;tag=1",
            "To: <sip:bob@lab.example>",
            "Call-ID: semi@192.0.2.4",
            "CSeq: 1 OPTIONS",
            "Accept: application/sdp,",
            "  text/plain, message/sipfrag",
            "",
            "");

        Assert.True(SipUri.TryParse(request.RequestUri, out var uri));
        Assert.Equal("bob;ext=9@inner", uri.User);
        Assert.Equal("lab.example", uri.Host);
        Assert.Empty(uri.Parameters);
        Assert.Equal(3, request.GetAll(HeaderNames.Accept).Count());
    }

    [Theory]
    [InlineData("UDP")]
    [InlineData("TCP")]
    [InlineData("TLS")]
    [InlineData("SCTP")]
    [InlineData("WSS")]
    [InlineData("FUTURE-TRANSPORT")]
    public void Parse_AnyViaTransportToken_IsAccepted(string transport)
    {
        var request = Wire.Request(
            "OPTIONS sip:alice@lab.example SIP/2.0",
            $"Via: SIP/2.0/{transport} edge.lab.example;branch=z9hG4bKtr",
            "From: <sip:carol@lab.example>;tag=1",
            "To: <sip:alice@lab.example>",
            "Call-ID: tr@192.0.2.4",
            "CSeq: 1 OPTIONS",
            "",
            "");

        Assert.Equal(transport, request.TopVia.Transport);
    }

    [Fact]
    public void Parse_MultipartBodyWithBinaryParts_IsFramedByContentLengthAndKeptOpaque()
    {
        byte[] head = Wire.Crlf(
            "MESSAGE sip:alice@lab.example SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKmp",
            "From: <sip:carol@lab.example>;tag=1",
            "To: <sip:alice@lab.example>",
            "Call-ID: mp@192.0.2.4",
            "CSeq: 1 MESSAGE",
            "Content-Type: multipart/mixed;boundary=\"b-1\"",
            "Content-Length: 57",
            "",
            "");
        byte[] body = [.. "--b-1\r\nContent-Type: application/octet-stream\r\n\r\n"u8, 0, 0xFF, 0x0A, 0, 0xC3, 0x28, (byte)'\n', 0x80];
        Assert.Equal(57, body.Length);

        var message = SipMessageParser.Parse([.. head, .. body, .. "trailing"u8]).Message;

        Assert.Equal(body, message!.Body.ToArray());
    }

    [Theory]
    [InlineData("SIP/2.0 200 Très bien, 好", "Très bien, 好")]
    [InlineData("SIP/2.0 180 ", "")]
    [InlineData("SIP/2.0 486", "")]
    public void Parse_UnusualReasonPhrases_AreAccepted(string statusLine, string reason)
    {
        var response = Assert.IsType<SipResponse>(Wire.Parse(
            statusLine,
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKr",
            "From: <sip:carol@lab.example>;tag=1",
            "To: <sip:alice@lab.example>;tag=2",
            "Call-ID: reason@192.0.2.4",
            "CSeq: 1 INVITE",
            "",
            "").Message);

        Assert.Equal(reason, response.ReasonPhrase);
    }
}
