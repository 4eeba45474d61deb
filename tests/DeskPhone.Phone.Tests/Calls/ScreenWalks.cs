using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Calls;

/// <summary>
/// The flows docs/screens.md shows in more than one language, walked once for every page section
/// that shows them: each calls <c>capture</c> where the page has a screen.
/// </summary>
internal static class ScreenWalks
{
    /// <summary>Started and registered (the registrar answers the REGISTER 200).</summary>
    public static async Task StartRegistered(PhoneTestRig rig)
    {
        await rig.Start();
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Register).Single(), 200, "OK"));
    }

    /// <summary>Registered, and talking with Anna Rossi (102), whose call the handset answered.</summary>
    public static async Task InConversationWithAnna(PhoneTestRig rig)
    {
        await StartRegistered(rig);
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        await rig.Receive(FarParty.Anna(rig).Ack(5));
    }

    /// <summary>
    /// From a conversation with Anna, `*2` + 35: the extension being typed, ringing, answered and
    /// talking, hung up (REFER sent), and done once the transferee's NOTIFY says 200.
    /// </summary>
    public static async Task AttendedTransfer(PhoneTestRig rig, Action<PhoneTestRig> capture)
    {
        await InConversationWithAnna(rig);
        await rig.Type("*23");
        capture(rig);
        await rig.Type("5#");
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId == "in-1"), 200, "OK", "answer:recvonly"));
        var consultation = rig.Transport.Requests(SipMethods.Invite).Single(i => i.CallId != "in-1");
        await rig.Receive(Far.Reply(consultation, 180, "Ringing"));
        capture(rig);
        await rig.Receive(Far.Reply(consultation, 200, "OK", "answer"));
        await rig.Advance(TimeSpan.FromSeconds(14));
        capture(rig);
        await rig.ReplaceHandset();
        capture(rig);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Refer).Single(), 202, "Accepted"));
        await rig.Receive(FarParty.Anna(rig).Notify(200, "OK", final: true));
        capture(rig);
    }
}
