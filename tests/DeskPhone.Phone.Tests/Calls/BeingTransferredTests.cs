using System.Text;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>
/// Being transferred: the peer's REFER (RFC 3515) makes the phone call the target and report in
/// NOTIFYs; an INVITE with Replaces (RFC 3891) takes over the call it names.
/// </summary>
public sealed class BeingTransferredTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task ReferFromThePeer_CallsTheTargetWithReplacesAndReferredBy_AndReportsEachStep()
    {
        await InConversationWithAnna();
        var anna = FarParty.Anna(rig);

        await rig.Receive(anna.Request(SipMethods.Refer, headers: [("Refer-To", "<sip:35@pbx?Replaces=abc%3Bto-tag%3Dt1%3Bfrom-tag%3Df1>"), ("Referred-By", "<sip:102@pbx>")]));

        Assert.Single(rig.Transport.Responses(202));
        var call = rig.Transport.Requests(SipMethods.Invite).Single();
        Assert.Equal("sip:35@pbx", call.RequestUri);
        Assert.Equal("abc;to-tag=t1;from-tag=f1", call.Get("Replaces"));
        Assert.Equal("<sip:102@pbx>", call.Get("Referred-By"));
        Assert.Null(rig.Audio.OnHandset);
        Assert.Equal(["Calling", "35", "Transfer from Anna R"], Lines()[..3]);

        await rig.Receive(Far.Reply(call, 180, "Ringing"));
        await rig.Receive(Far.Reply(call, 200, "OK", "answer"));

        var reports = rig.Transport.Requests(SipMethods.Notify).Select(n => Encoding.ASCII.GetString(n.Body.Span).Trim()).ToList();
        Assert.Equal(["SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 200 OK"], reports);
        Assert.StartsWith("terminated", rig.Transport.Requests(SipMethods.Notify).Last().Get("Subscription-State"));
        Assert.Equal("s2", rig.Audio.OnHandset);

        // The transferor hangs up its call with us (RFC 5589 §6.1); the new call stays.
        await rig.Receive(anna.Request(SipMethods.Bye));
        await rig.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["35", string.Empty], Lines()[1..3]);
        Assert.StartsWith("Connected", rig.Screen);
    }

    [Fact]
    public async Task TransferTargetBusy_IsReported_AndTheOriginalCallComesBack()
    {
        await InConversationWithAnna();
        await rig.Receive(FarParty.Anna(rig).Request(SipMethods.Refer, headers: [("Refer-To", "<sip:35@pbx>")]));

        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(), 486, "Busy Here"));

        Assert.Equal("SIP/2.0 486 Busy Here", Encoding.ASCII.GetString(rig.Transport.Requests(SipMethods.Notify).Last().Body.Span).Trim());
        Assert.Equal("s1", rig.Audio.OnHandset);
        Assert.Equal(["Anna Rossi", "Busy"], Lines()[1..3]);
    }

    [Fact]
    public async Task InviteWithReplaces_AnswersAtOnce_TakesTheCallsPlace_AndEndsTheReplacedOne()
    {
        await InConversationWithAnna();
        var ourTag = FarParty.Anna(rig).PhoneTag;

        await rig.Receive(FarParty.Invite("in-3", "35", "Carla Neri", "carla", headers: [("Replaces", $"in-1;to-tag={ourTag};from-tag=anna")]));

        Assert.DoesNotContain(rig.Transport.Responses(180), r => r.CallId == "in-3");
        Assert.Single(rig.Transport.Responses(200), r => r.CallId == "in-3");
        Assert.Single(rig.Transport.Requests(SipMethods.Bye), b => b.CallId == "in-1");
        Assert.Equal(["Carla Neri", "35"], Lines()[1..3]);
        Assert.Equal("s2", rig.Audio.OnHandset);
    }

    [Fact]
    public async Task InviteWithReplacesForNoCallOfOurs_Is481()
    {
        await InConversationWithAnna();

        await rig.Receive(FarParty.Invite("in-3", "35", "Carla Neri", "carla", headers: [("Replaces", "other;to-tag=x;from-tag=y")]));

        Assert.Single(rig.Transport.Responses(481));
        Assert.Equal("s1", rig.Audio.OnHandset);
    }

    [Fact]
    public async Task ReferOutsideADialog_IsRefused()
    {
        await rig.Start();

        await rig.Receive(FarParty.Invite("r-1", "666", "Scanner", "x").Replace("INVITE sip:", "REFER sip:").Replace("1 INVITE", "1 REFER"));

        Assert.Single(rig.Transport.Responses(405));
        Assert.Empty(rig.Transport.Requests(SipMethods.Invite));
    }

    private async Task InConversationWithAnna()
    {
        await rig.Start();
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        await rig.Receive(FarParty.Anna(rig).Ack(5));
    }

    private string[] Lines() => [.. rig.Hardware.Screen.Lines.Select(l => l.TrimEnd())];
}
