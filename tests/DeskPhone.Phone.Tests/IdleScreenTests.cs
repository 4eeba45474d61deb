using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests;

public sealed class IdleScreenTests : IDisposable
{
    private readonly PhoneTestRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Idle_ShowsExtensionTimeAndRegistrationProgress()
    {
        await rig.Start();
        Assert.Equal("Ext 101        09:30", rig.Hardware.Screen.Lines[0]);
        Assert.Equal("Registering...", rig.Hardware.Screen.Lines[1].TrimEnd());

        var register = rig.Transport.Requests(SipMethods.Register).Single();
        await rig.Receive(Far.Reply(register, 200, "OK"));

        Assert.Equal("Registered", rig.Hardware.Screen.Lines[1].TrimEnd());
        Assert.Equal("Tue 24 Nov 2026", rig.Hardware.Screen.Lines[3].TrimEnd());
    }

    [Fact]
    public async Task Idle_RegistrationRejected_ShowsTheStatusCode()
    {
        await rig.Start();
        var register = rig.Transport.Requests(SipMethods.Register).Single();

        await rig.Receive(Far.Reply(register, 403, "Forbidden"));

        Assert.Equal("Reg. failed 403", rig.Hardware.Screen.Lines[1].TrimEnd());
    }

    [Fact]
    public async Task Idle_ClockAdvancesEveryMinute()
    {
        await rig.Start();
        await rig.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Ext 101        09:31", rig.Hardware.Screen.Lines[0]);
    }
}
