using DeskPhone.Hal;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>Blind transfer (user guide "senza offerta": More → Transfer → number → Send; RFC 5589 §6).</summary>
public sealed class BlindTransferTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task MoreTransferNumberSend_RefersTheCaller_AndEndsTheCallWhenTheTargetAnswers()
    {
        await InConversationWithAnna();

        await rig.Press(PhoneKey.More);
        Assert.Equal([">Transfer", " Mute            Off", string.Empty, "Select          Back"], Lines());
        await rig.Press(PhoneKey.Ok);
        await rig.Type("35");
        Assert.Equal(["Transfer to", "35_", "Anna Rossi", "Send Del      Cancel"], Lines());
        await rig.Press(PhoneKey.Send);

        var refer = rig.Transport.Requests(SipMethods.Refer).Single();
        Assert.Equal("in-1", refer.CallId);
        Assert.Equal("<sip:35@pbx>", refer.Get("Refer-To"));
        Assert.Equal("<sip:101@pbx>", refer.Get("Referred-By"));
        Assert.Null(rig.Audio.OnHandset);
        Assert.Equal(["Transferring", "Anna Rossi", "to 35", string.Empty], Lines());

        var anna = FarParty.Anna(rig);
        await rig.Receive(Far.Reply(refer, 202, "Accepted"));
        await rig.Receive(anna.Notify(100, "Trying", final: false));
        await rig.Receive(anna.Notify(180, "Ringing", final: false));
        Assert.Empty(rig.Transport.Requests(SipMethods.Bye));

        await rig.Receive(anna.Notify(200, "OK", final: true));
        Assert.Single(rig.Transport.Requests(SipMethods.Bye));
        Assert.Equal(["Call ended", "Anna Rossi", "Transferred to 35", string.Empty], Lines());
    }

    [Theory]
    [InlineData(403, "Forbidden")]
    [InlineData(405, "Method Not Allowed")]
    [InlineData(501, "Not Implemented")]
    public async Task ReferRejected_ResumesTheCall_AndSaysWhy(int code, string reason)
    {
        await InConversationWithAnna();
        await TransferTo("35");

        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), code, reason));

        Assert.Empty(rig.Transport.Requests(SipMethods.Bye));
        Assert.StartsWith("Connected", rig.Screen);
        Assert.Equal($"Transfer failed {code}", Lines()[2]);
        Assert.Equal("s1", rig.Audio.OnHandset);
    }

    [Fact]
    public async Task NotifyWith503_ResumesTheCall()
    {
        await InConversationWithAnna();
        await TransferTo("35");
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), 202, "Accepted"));

        await rig.Receive(FarParty.Anna(rig).Notify(503, "Service Unavailable", final: true));

        Assert.Empty(rig.Transport.Requests(SipMethods.Bye));
        Assert.Equal("Transfer failed 503", Lines()[2]);
        Assert.Equal("s1", rig.Audio.OnHandset);
    }

    [Fact]
    public async Task ReferChallengedWith407_IsSentAgainWithCredentials()
    {
        await InConversationWithAnna();
        await TransferTo("35");
        var first = rig.Transport.Requests(SipMethods.Refer).Single();

        var challenge = Far.Reply(first, 407, "Proxy Authentication Required");
        challenge.Add(HeaderNames.ProxyAuthenticate, "Digest realm=\"pbx\", nonce=\"r1\", qop=\"auth\"");
        await rig.Receive(challenge);

        var second = rig.Transport.Requests(SipMethods.Refer).Last();
        Assert.NotEqual(first.CSeq.Number, second.CSeq.Number);
        Assert.Contains("username=\"101\"", second.Get(HeaderNames.ProxyAuthorization));
        Assert.StartsWith("Transferring", rig.Screen);
    }

    [Fact]
    public async Task NoOutcomeInTime_ResumesTheCall()
    {
        await InConversationWithAnna();
        await TransferTo("35");
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), 202, "Accepted"));

        await rig.Advance(new PhoneOptions().TransferOutcomeTimeout);

        Assert.Equal("Transfer failed 408", Lines()[2]);
        Assert.Equal("s1", rig.Audio.OnHandset);
    }

    [Fact]
    public async Task CancelOnTheEntryScreen_ReturnsToTheCall()
    {
        await InConversationWithAnna();
        await rig.Press(PhoneKey.Soft2);
        await rig.Type("3");

        await rig.Press(PhoneKey.Soft4);

        Assert.StartsWith("Connected", rig.Screen);
        Assert.Empty(rig.Transport.Requests(SipMethods.Refer));
    }

    private async Task TransferTo(string number)
    {
        await rig.Press(PhoneKey.Transfer);
        await rig.Type(number);
        await rig.Press(PhoneKey.Send);
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
