using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Sip.Subscriptions;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Phone;

/// <summary>
/// The message-waiting subscription (RFC 3842) against the lab Kamailio, which proxy-authenticates
/// every request and has no voicemail server: the SUBSCRIBE is challenged (407), sent again with
/// credentials, and refused 489, after which the phone stops asking and stays registered. The
/// full subscription with a voicemail server is played by SIPp (SippMessageWaitingTests).
/// </summary>
[Collection(KamailioFixture.Name)]
public sealed class VoicemailInteropTests(KamailioLab lab, ITestOutputHelper output)
{
    [Fact]
    public Task Phone_SubscribesOnceRegistered_AnswersThe407_AndStopsAt489() => lab.RunWithLogAsync(output, async () =>
    {
        await using var phone = LabPhone.Start(lab, "198");
        await phone.WaitForScreenAsync("Registered");

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Voicemail!.Phase) != SubscriptionPhase.Refused)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the subscription never ended refused:{Environment.NewLine}{phone.Log}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Contains("SIP/2.0 407", phone.Log);
        Assert.Contains("refused the message-waiting subscription", phone.Log);
        Assert.Contains("489", phone.Log);
        await phone.WaitForScreenAsync("Registered");
    });
}
