using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.History;

namespace DeskPhone.Phone.Tests;

public sealed class CallerIdTests
{
    [Fact]
    public async Task IncomingCall_FromAPhonebookNumber_ShowsTheContactsName()
    {
        using var phonebook = ContactBook.InMemory();
        Assert.True(phonebook.Add(new Contact("Giulia Bianchi", "102", [])).Succeeded);
        using var rig = new PhoneTestRig(phonebook: phonebook);
        await rig.Start();

        await rig.Receive(Far.Invite());

        Assert.Equal("Giulia Bianchi", rig.Hardware.Screen.Lines[1].TrimEnd());
    }

    [Fact]
    public async Task Start_WithMissedCallsFromBeforeARestart_ShowsThemOnTheIdleScreen()
    {
        var history = new CallHistory();
        history.Add(new CallRecord(CallRecordKind.Missed, "102", null, DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        history.Add(new CallRecord(CallRecordKind.Missed, "103", null, DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        using var rig = new PhoneTestRig(history: history);

        await rig.Start();

        Assert.Contains("2 missed calls", rig.Screen);
    }
}
