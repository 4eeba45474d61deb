using DeskPhone.Sip.Messages;
using DeskPhone.Sip.Registration;

namespace DeskPhone.Sip.Tests.Registration;

/// <summary>The registration heals itself when the registrar's answer shows it lost the binding.</summary>
public sealed class HealingTests : IDisposable
{
    private readonly SipTestHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Refresh_AnsweredWithoutOurContact_RegistersAgainAtOnce()
    {
        await Register(listing: true);
        await harness.Advance(TimeSpan.FromSeconds(96));
        var refresh = harness.Transport.LastRequest(SipMethods.Register);

        // A registrar that restarted keeps other bindings of the AoR, not ours (RFC 3261 §10.3 step 8).
        await harness.Receive(Peer.Reply(refresh, 200, "OK", "r", (HeaderNames.Contact, "<sip:101@10.9.9.9:5060>;expires=50")));

        var again = harness.Transport.LastRequest(SipMethods.Register);
        Assert.Equal(refresh.CSeq.Number + 1, again.CSeq.Number);
        Assert.Equal($"<{harness.Agent.ContactUri}>", again.Get(HeaderNames.Contact));

        await harness.Receive(Peer.Reply(again, 200, "OK", "r", (HeaderNames.Contact, $"<{harness.Agent.ContactUri}>;expires=120")));
        var status = await harness.OnLoop(() => harness.Agent.Registration.Status);
        Assert.Equal(RegistrationPhase.Registered, status.Phase);
        Assert.Equal(harness.Clock.GetUtcNow().AddSeconds(120), status.ExpiresAt);
    }

    [Fact]
    public async Task RegistrarThatNeverListsContacts_IsNotAskedTwice()
    {
        await Register(listing: false);
        var before = harness.Transport.Requests(SipMethods.Register).Count();

        await harness.Advance(TimeSpan.FromSeconds(96));
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "120")));

        Assert.Equal(before + 1, harness.Transport.Requests(SipMethods.Register).Count());
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
    }

    [Fact]
    public async Task SecondAnswerWithoutOurContact_IsAcceptedRatherThanLooping()
    {
        await Register(listing: true);
        await harness.Advance(TimeSpan.FromSeconds(96));
        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "120")));
        var afterHealing = harness.Transport.Requests(SipMethods.Register).Count();

        await harness.Receive(Peer.Reply(harness.Transport.LastRequest(SipMethods.Register), 200, "OK", "r", (HeaderNames.Expires, "120")));

        Assert.Equal(afterHealing, harness.Transport.Requests(SipMethods.Register).Count());
        Assert.Equal(RegistrationPhase.Registered, (await harness.OnLoop(() => harness.Agent.Registration.Status)).Phase);
    }

    private async Task Register(bool listing)
    {
        await harness.OnLoop(harness.Agent.Registration.Start);
        var register = harness.Transport.LastRequest(SipMethods.Register);
        var granted = listing ? Peer.Reply(register, 200, "OK", "r", (HeaderNames.Contact, $"<{harness.Agent.ContactUri}>;expires=120")) : Peer.Reply(register, 200, "OK", "r", (HeaderNames.Expires, "120"));
        await harness.Receive(granted);
    }
}
