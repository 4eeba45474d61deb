using System.Text;
using DeskPhone.Hal;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>
/// Attended transfer by `*2` + extension (user guide "con offerta"): the caller is held, the
/// extension is called, hanging up completes with REFER and Replaces (RFC 3891, RFC 5589 §7);
/// no answer, busy, refusal or the extension hanging up first brings the caller back.
/// </summary>
public sealed class AttendedTransferTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Star2Extension_HoldsTheCaller_CallsTheExtension_HangingUpRefersWithReplaces()
    {
        await InConversationWithAnna();

        await rig.Type("*235");
        Assert.Equal(["Transfer (consult)", "35_", "Anna Rossi", "Send Del      Cancel"], Lines());
        Assert.Empty(rig.Audio.Digits);

        // The extension is complete after the inter-digit pause (3 s by default).
        await rig.Advance(TimeSpan.FromSeconds(3));
        var invites = rig.Transport.Requests(SipMethods.Invite).ToList();
        Assert.Equal(2, invites.Count);
        Assert.Equal("offer:SendOnly", Body(invites.Single(i => i.CallId == "in-1")));
        var consultation = invites.Single(i => i.CallId != "in-1");
        Assert.Equal("sip:35@pbx", consultation.RequestUri);
        await rig.Receive(Far.Reply(invites.Single(i => i.CallId == "in-1"), 200, "OK", "answer:recvonly"));

        await rig.Receive(Far.Reply(consultation, 180, "Ringing"));
        Assert.Equal(["Ringing      Consult", "35", "Held: Anna Rossi", "Xfer Back        End"], Lines());

        await rig.Receive(Far.Reply(consultation, 200, "OK", "answer"));
        Assert.Equal("s2", rig.Audio.OnHandset);
        Assert.Equal(["Consulting     00:00", "35", "Held: Anna Rossi", "Xfer Back        End"], Lines());

        await rig.ReplaceHandset();
        var refer = rig.Transport.Requests(SipMethods.Refer).Single();
        Assert.Equal("in-1", refer.CallId);
        var replaces = $"{consultation.CallId};to-tag=far-tag;from-tag={consultation.From.Tag}";
        Assert.Equal($"<sip:35@pbx?Replaces={Uri.EscapeDataString(replaces)}>", refer.Get("Refer-To"));
        Assert.Equal("<sip:101@pbx>", refer.Get("Referred-By"));
        Assert.StartsWith("Transferring", rig.Screen);

        var anna = FarParty.Anna(rig);
        await rig.Receive(Far.Reply(refer, 202, "Accepted"));
        await rig.Receive(anna.Notify(200, "OK", final: true));

        var byes = rig.Transport.Requests(SipMethods.Bye).ToList();
        Assert.Contains(byes, b => b.CallId == "in-1");
        Assert.Contains(byes, b => b.CallId == consultation.CallId);
        Assert.Equal(["Call ended", "Anna Rossi", "Transferred to 35", string.Empty], Lines());
        await rig.Advance(TimeSpan.FromSeconds(3));
        Assert.StartsWith("Ext 101", rig.Screen);
    }

    [Fact]
    public async Task PoundEndsTheExtension_AndSoftKeyXferCompletesWithoutHangingUp()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        var consultation = Consultation();
        await rig.Receive(Far.Reply(consultation, 200, "OK", "answer"));

        await rig.Press(PhoneKey.Soft1);

        Assert.Single(rig.Transport.Requests(SipMethods.Refer));
    }

    [Theory]
    [InlineData(486, "Busy Here", "Busy")]
    [InlineData(603, "Decline", "Failed (603)")]
    public async Task ExtensionBusyOrRefuses_TheCallerIsBack(int code, string reason, string notice)
    {
        await InConversationWithAnna();
        await StartConsultationTo35();

        await rig.Receive(Far.Reply(Consultation(), code, reason));

        AssertBackWithAnna(notice);
    }

    [Fact]
    public async Task ExtensionDoesNotAnswer_TheConsultationIsCancelledAndTheCallerIsBack()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        var consultation = Consultation();
        await rig.Receive(Far.Reply(consultation, 180, "Ringing"));

        await rig.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(rig.Transport.Requests(SipMethods.Cancel));
        await rig.Receive(Far.Reply(consultation, 487, "Request Terminated"));

        AssertBackWithAnna("No answer");
    }

    [Fact]
    public async Task ExtensionHangsUpFirst_TheCallerIsBack()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        var consultation = Consultation();
        await rig.Receive(Far.Reply(consultation, 200, "OK", "answer"));

        await rig.Receive(FarParty.Called(consultation).Request(SipMethods.Bye));

        AssertBackWithAnna("Hung up by peer");
    }

    [Fact]
    public async Task CancelSoftKey_EndsTheConsultation_AndTheCallerIsBack()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        var consultation = Consultation();
        await rig.Receive(Far.Reply(consultation, 200, "OK", "answer"));

        await rig.Press(PhoneKey.Soft2);

        Assert.Single(rig.Transport.Requests(SipMethods.Bye), b => b.CallId == consultation.CallId);
        AssertBackWithAnna("Hung up");
    }

    [Fact]
    public async Task CallerHangsUpDuringTheConsultation_TheConsultationGoesOnAsAPlainCall()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        var consultation = Consultation();
        await rig.Receive(Far.Reply(consultation, 200, "OK", "answer"));

        await rig.Receive(FarParty.Anna(rig).Request(SipMethods.Bye));

        Assert.Equal(["Connected      00:00", "35", string.Empty, "Hold Xfer Mute   End"], Lines());
        await rig.ReplaceHandset();
        Assert.Empty(rig.Transport.Requests(SipMethods.Refer));
        Assert.Single(rig.Transport.Requests(SipMethods.Bye), b => b.CallId == consultation.CallId);
    }

    [Fact]
    public async Task HangingUpWhileTheExtensionRings_CancelsItAndRefersTheCallerToTheExtension()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        var consultation = Consultation();
        await rig.Receive(Far.Reply(consultation, 180, "Ringing"));

        await rig.ReplaceHandset();

        Assert.Equal("<sip:35@pbx>", rig.Transport.Requests(SipMethods.Refer).Single().Get("Refer-To"));
        Assert.Single(rig.Transport.Requests(SipMethods.Cancel));
        await rig.Receive(Far.Reply(consultation, 487, "Request Terminated"));
        Assert.StartsWith("Transferring", rig.Screen);
    }

    [Theory]
    [InlineData(403, "Forbidden")]
    [InlineData(405, "Method Not Allowed")]
    [InlineData(501, "Not Implemented")]
    public async Task ReferRejectedAfterHangingUp_TheCallerRingsBackOnHold(int code, string reason)
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        var consultation = Consultation();
        await rig.Receive(Far.Reply(consultation, 200, "OK", "answer"));
        await rig.ReplaceHandset();

        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), code, reason));

        Assert.True(rig.Hardware.Ringer.IsRinging);
        Assert.Single(rig.Transport.Requests(SipMethods.Bye), b => b.CallId == consultation.CallId);
        Assert.Equal(["On hold        00:00", "Anna Rossi", $"Transfer failed {code}", "Resume           End"], Lines());

        await rig.LiftHandset();
        Assert.False(rig.Hardware.Ringer.IsRinging);
        Assert.Equal("offer", Body(rig.Transport.Requests(SipMethods.Invite).Last(i => i.CallId == "in-1")));
    }

    [Fact]
    public async Task NotifyWith503_TheCallerRingsBackOnHold()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        await rig.Receive(Far.Reply(Consultation(), 200, "OK", "answer"));
        await rig.ReplaceHandset();
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), 202, "Accepted"));

        await rig.Receive(FarParty.Anna(rig).Notify(503, "Service Unavailable", final: true));

        Assert.True(rig.Hardware.Ringer.IsRinging);
        Assert.Equal("Transfer failed 503", Lines()[2]);
    }

    [Fact]
    public async Task ReferChallengedWith407_IsAnsweredWithCredentials()
    {
        await InConversationWithAnna();
        await StartConsultationTo35();
        await rig.Receive(Far.Reply(Consultation(), 200, "OK", "answer"));
        await rig.ReplaceHandset();

        var challenge = Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), 407, "Proxy Authentication Required");
        challenge.Add(HeaderNames.ProxyAuthenticate, "Digest realm=\"pbx\", nonce=\"r1\", qop=\"auth\"");
        await rig.Receive(challenge);

        var answered = rig.Transport.Requests(SipMethods.Refer).Last();
        Assert.Contains("Replaces=", answered.Get("Refer-To"));
        Assert.Contains("nonce=\"r1\"", answered.Get(HeaderNames.ProxyAuthorization));
    }

    [Fact]
    public async Task StarAloneOrFollowedByAnotherDigit_GoesToTheFarEndAsDigits()
    {
        await InConversationWithAnna();

        await rig.Type("*");
        Assert.Empty(rig.Audio.Digits);
        await rig.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(['*'], rig.Audio.Digits);

        await rig.Type("*5#1");
        Assert.Equal(['*', '*', '5', '#', '1'], rig.Audio.Digits);
        Assert.StartsWith("Connected", rig.Screen);
    }

    [Fact]
    public async Task ConsultationEndsBeforeTheHoldIsAnswered_TheResumeFollowsTheHoldsOutcome()
    {
        await InConversationWithAnna();
        await rig.Type("*235#");

        await rig.Receive(Far.Reply(Consultation(), 486, "Busy Here"));
        Assert.Single(rig.Transport.Requests(SipMethods.Invite), i => i.CallId == "in-1");

        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-1"), 200, "OK", "answer:recvonly"));
        AssertBackWithAnna("Busy");
    }

    private async Task InConversationWithAnna()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        await rig.Receive(FarParty.Anna(rig).Ack(5));
    }

    /// <summary>`*235#`, and Anna's phone accepts being held.</summary>
    private async Task StartConsultationTo35()
    {
        await rig.Type("*235#");
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-1"), 200, "OK", "answer:recvonly"));
    }

    private void AssertBackWithAnna(string notice)
    {
        var resume = rig.Transport.Requests(SipMethods.Invite).Last(i => i.CallId == "in-1");
        Assert.Equal("offer", Body(resume));
        Assert.Equal(["Anna Rossi", notice], Lines()[1..3]);
        Assert.StartsWith("Connected", rig.Screen);
        Assert.Equal(DeskPhone.Media.CallProgressTone.None, rig.Audio.Tone);
    }

    private SipRequest Consultation() => rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId != "in-1");

    private static string Body(SipMessage message) => Encoding.ASCII.GetString(message.Body.Span);

    private string[] Lines() => [.. rig.Hardware.Screen.Lines.Select(l => l.TrimEnd())];
}

/// <summary>`*2` in PBX mode: everything goes to the far end as RFC 4733 digits, for the PBX's feature code.</summary>
public sealed class PbxTransferModeTests : IDisposable
{
    private readonly PhoneTestRig rig = new(options: new PhoneOptions { TransferMode = TransferMode.Pbx, Language = DisplayLanguage.En });

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Star2Extension_IsSentAsDigits_AndNothingElseHappens()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();

        await rig.Type("*235");

        Assert.Equal(['*', '2', '3', '5'], rig.Audio.Digits);
        Assert.Empty(rig.Transport.Requests(SipMethods.Invite));
        Assert.StartsWith("Connected", rig.Screen);
    }
}
