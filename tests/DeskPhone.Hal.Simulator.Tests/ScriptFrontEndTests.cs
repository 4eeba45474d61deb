using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class ScriptFrontEndTests : IDisposable
{
    private readonly SimulatedHardware _hardware = new(new SimulatorOptions());
    private readonly StringWriter _output = new();
    private readonly List<KeyEvent> _keys = [];

    public ScriptFrontEndTests() => _hardware.Keys.KeyChanged += _keys.Add;

    public void Dispose() => _hardware.Dispose();

    [Fact]
    public void Key_PressesANamedKeyOrADialCharacter()
    {
        ScriptFrontEnd script = Script();

        script.Execute("key send");
        script.Execute("KEY 5");

        Assert.Equal(
            [new(PhoneKey.Send, KeyAction.Down), new(PhoneKey.Send, KeyAction.Up), new(PhoneKey.Digit5, KeyAction.Down), new(PhoneKey.Digit5, KeyAction.Up)],
            _keys);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public void Long_LongPressesTheKey()
    {
        Script().Execute("long 1");

        Assert.Contains(new KeyEvent(PhoneKey.Digit1, KeyAction.LongPress), _keys);
    }

    [Fact]
    public void Dial_TypesEveryCharacter()
    {
        Script().Execute("dial 200#");

        Assert.Equal(
            [PhoneKey.Digit2, PhoneKey.Digit0, PhoneKey.Digit0, PhoneKey.Pound],
            _keys.Where(k => k.Action == KeyAction.Down).Select(k => k.Key));
    }

    [Fact]
    public void Dial_WithLetters_ReportsAnErrorAndPressesNothing()
    {
        Script().Execute("dial 12ab");

        Assert.Empty(_keys);
        Assert.StartsWith("error: dial needs dial characters", _output.ToString());
    }

    [Fact]
    public void Hook_LiftsAndReplacesTheHandset()
    {
        ScriptFrontEnd script = Script();

        script.Execute("hook off");
        Assert.True(_hardware.Hook.IsOffHook);
        script.Execute("hook on");

        Assert.False(_hardware.Hook.IsOffHook);
    }

    [Fact]
    public void Screen_PrintsTheRowsBetweenMarkers()
    {
        _hardware.Screen.Show(["Ready", "", "", "Menu"]);

        Script().Execute("screen");

        string[] lines = Lines();
        Assert.Equal(["--- screen ---", "Ready".PadRight(20), new string(' ', 20), new string(' ', 20), "Menu".PadRight(20), "--- screen ---"], lines);
    }

    [Fact]
    public void Wait_WhenTheScreenShowsTheText_PrintsOk()
    {
        _hardware.Screen.Show(["Calling 200"]);

        Script().Execute("wait \"Calling 200\" 1");

        Assert.Equal(["ok"], Lines());
    }

    [Fact]
    public void Wait_WhenTheTextNeverShows_PrintsTimeout()
    {
        Script().Execute("wait Connected 0");

        Assert.Equal(["timeout"], Lines());
    }

    [Fact]
    public void UnknownCommand_PrintsAnError()
    {
        ScriptFrontEnd script = Script();

        Assert.True(script.Execute("frobnicate now"));

        Assert.Equal("error: unknown command 'frobnicate' (try 'help')", Assert.Single(Lines()));
    }

    [Theory]
    [InlineData("key Launch", "error: unknown key 'Launch'")]
    [InlineData("hook sideways", "error: hook needs 'off'")]
    [InlineData("wait", "error: wait: TEXT is missing")]
    public void BadArguments_PrintAnError(string line, string expected)
    {
        Script().Execute(line);

        Assert.StartsWith(expected, Assert.Single(Lines()));
    }

    [Fact]
    public void BlankLinesAndComments_DoNothing()
    {
        ScriptFrontEnd script = Script();

        Assert.True(script.Execute("   "));
        Assert.True(script.Execute("# lift the handset"));

        Assert.Empty(_keys);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public void Status_DescribesTheHardware()
    {
        _hardware.Ringer.StartRinging();
        _hardware.Indicators.SetMessageWaiting(true);

        Script().Execute("status");

        Assert.Equal("hook=on ringer=ringing line-led=off message-led=on backlight=on", Assert.Single(Lines()));
    }

    [Fact]
    public void Run_ExecutesTheScriptAndReturnsOnQuit_RaisingQuitRequested()
    {
        using var script = new ScriptFrontEnd(_hardware, new StringReader("hook off\ndial 12\nquit\nkey send\n"), _output);
        int quits = 0;
        script.QuitRequested += () => quits++;

        script.Run(CancellationToken.None);

        Assert.Equal(1, quits);
        Assert.True(_hardware.Hook.IsOffHook);
        Assert.Equal([PhoneKey.Digit1, PhoneKey.Digit2], _keys.Where(k => k.Action == KeyAction.Down).Select(k => k.Key));
    }

    [Fact]
    public void Run_WhenCancelled_Returns()
    {
        using var script = new ScriptFrontEnd(_hardware, new StringReader("wait Never 60\n"), _output);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        script.Run(cancel.Token);

        Assert.DoesNotContain("ok", _output.ToString());
    }

    [Fact]
    public void Started_EchoesScreenChangesAndHardwareChanges()
    {
        using var script = new ScriptFrontEnd(_hardware, new StringReader(string.Empty), _output);
        script.Start();

        _hardware.Screen.Show(["Ready"]);
        _hardware.Screen.Show(["Ready"]);
        _hardware.Screen.SetBacklight(false);
        _hardware.Ringer.StartRinging();
        _hardware.Indicators.SetLine(LineIndicator.On);
        script.Stop();
        _hardware.Screen.Show(["After stop"]);

        Assert.Equal(
            [
                "LCD| " + "Ready".PadRight(20),
                "LCD| " + new string(' ', 20),
                "LCD| " + new string(' ', 20),
                "LCD| " + new string(' ', 20),
                "HW| backlight off",
                "HW| ringer on",
                "HW| line-led on message-led off",
            ],
            Lines());
    }

    private ScriptFrontEnd Script() => new(_hardware, new StringReader(string.Empty), _output);

    private string[] Lines() => _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
