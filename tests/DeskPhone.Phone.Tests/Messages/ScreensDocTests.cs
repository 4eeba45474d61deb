using System.Text;
using DeskPhone.Hal;
using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Messages;

namespace DeskPhone.Phone.Tests.Messages;

/// <summary>
/// docs/screens.md shows the message screens exactly as the simulated LCD draws them: this walks
/// through them on a fake clock and checks that every screen is in the page, framed as there.
/// A failure prints the screens the page lacks.
/// </summary>
public sealed class ScreensDocTests : IDisposable
{
    private const string Bruno = "\"Bruno Verdi\" <sip:104@pbx>;tag=bruno";

    private readonly PhoneTestRig rig = new(new Contacts(new MessageContact("Anna Rossi", "102"), new MessageContact("Bruno Verdi", "104")));
    private readonly List<string> screens = [];

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task ScreensPage_ShowsEveryMessageScreenAsTheSimulatorDrawsIt()
    {
        await rig.Start();
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Register).Single(), 200, "OK"));
        await rig.Receive(Far.Message("Pranzo alle 13? Porto io il caffè dopo la riunione.", callId: "m1"));
        Capture();
        await rig.Press(PhoneKey.Soft4);
        Capture();
        await rig.Advance(TimeSpan.FromMinutes(4));
        await rig.Receive(Far.Message("Ok, grazie", callId: "m2", from: Bruno));
        await rig.Press(PhoneKey.Soft4, PhoneKey.Messages);
        Capture();
        await rig.Press(PhoneKey.Down, PhoneKey.Ok);
        Capture();
        await rig.Press(PhoneKey.Back, PhoneKey.Soft3);
        Capture();
        await rig.Press(PhoneKey.Soft4, PhoneKey.Soft2);
        await rig.Type("266");
        Capture();
        await rig.Press(PhoneKey.Down);
        Capture();
        await rig.Press(PhoneKey.Ok);
        Capture();
        await rig.Type("2224442666");
        Capture();
        await rig.Press(PhoneKey.Ok);
        await rig.Type("0");
        await rig.Press(PhoneKey.Ok);
        await rig.Type("2222");
        Capture();
        await rig.Press(PhoneKey.Send);
        Capture();
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Message).Last(), 200, "OK"));
        Capture();
        await rig.Press(PhoneKey.Soft1);
        await rig.Type("3");
        await rig.Press(PhoneKey.Send);
        await rig.Receive(Far.Reply(rig.Transport.Requests(SipMethods.Message).Last(), 480, "Temporarily Unavailable"));
        Capture();
        await rig.Press(PhoneKey.End);
        await rig.Receive(Far.Invite());
        await rig.LiftHandset();
        await rig.Receive(Far.Message("Richiamami", callId: "m3", from: Bruno));
        Capture();

        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "screens.md")).ReplaceLineEndings("\n");
        var missing = screens.Where(screen => !page.Contains(screen, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/screens.md lacks these screens:\n\n" + string.Join("\n", missing));
    }

    /// <summary>The screen framed so trailing spaces show: the form docs/screens.md uses.</summary>
    private void Capture()
    {
        var border = "+" + new string('-', rig.Hardware.Screen.Columns) + "+\n";
        var block = new StringBuilder(border);
        foreach (var line in rig.Hardware.Screen.Lines)
        {
            block.Append('|').Append(line).Append("|\n");
        }

        screens.Add(block.Append(border).ToString());
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeskPhone.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds DeskPhone.sln");
    }

    private sealed class Contacts(params MessageContact[] all) : IMessageContacts
    {
        public IReadOnlyList<MessageContact> All => all;
    }
}
