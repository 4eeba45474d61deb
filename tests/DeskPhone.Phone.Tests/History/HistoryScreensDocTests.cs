using DeskPhone.Hal;
using DeskPhone.Phone.History;

namespace DeskPhone.Phone.Tests.History;

/// <summary>
/// docs/screens.md shows the call history screens exactly as the simulated LCD draws them: this
/// walks through them on a fake clock and fails, printing them, when the page lacks any.
/// </summary>
public sealed class HistoryScreensDocTests : IDisposable
{
    private static readonly DateTimeOffset Today = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private readonly CallHistory history = new();
    private readonly PhoneTestRig rig;
    private readonly List<string> screens = [];

    public HistoryScreensDocTests() => rig = new PhoneTestRig(history: history);

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task ScreensPage_ShowsEveryHistoryScreenAsTheSimulatorDrawsIt()
    {
        history.Add(new CallRecord(CallRecordKind.Placed, "200", null, Today.AddDays(-1).AddHours(17), TimeSpan.FromSeconds(3725)));
        history.Add(new CallRecord(CallRecordKind.Received, "102", "Anna Rossi", Today.AddHours(9).AddMinutes(5), TimeSpan.FromSeconds(125)));
        history.Add(new CallRecord(CallRecordKind.Missed, "104", "Bruno Verdi", Today.AddHours(9).AddMinutes(20), TimeSpan.Zero));
        await rig.Start();
        Capture();
        await rig.Press(PhoneKey.History);
        Capture();
        await rig.Press(PhoneKey.Down, PhoneKey.Ok);
        Capture();
        await rig.Press(PhoneKey.Back, PhoneKey.Soft3);
        Capture();
        await rig.Press(PhoneKey.Soft2);
        Capture();
        await rig.Press(PhoneKey.Soft1);
        Capture();

        var missing = ScreensPage.Missing(screens);
        Assert.True(missing.Length == 0, "docs/screens.md lacks these screens:\n\n" + missing);
    }

    private void Capture() => screens.Add(ScreensPage.Frame(rig));
}
