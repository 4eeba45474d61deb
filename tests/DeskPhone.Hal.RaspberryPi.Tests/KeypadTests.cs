using System.Device.Gpio;

namespace DeskPhone.Hal.RaspberryPi.Tests;

public sealed class KeypadTests
{
    private static KeyEvent Down(PhoneKey key) => new(key, KeyAction.Down);

    private static KeyEvent Up(PhoneKey key) => new(key, KeyAction.Up);

    [Fact]
    public void Press_HeldForTheDebounceTime_RaisesDownOnce()
    {
        var rig = new KeypadRig();
        rig.Press(PhoneKey.Digit5);

        rig.Run(15);
        Assert.Empty(rig.Events);

        rig.Run(10);
        Assert.Equal([Down(PhoneKey.Digit5)], rig.Events);

        rig.Run(200);
        Assert.Single(rig.Events);
    }

    [Fact]
    public void Release_HeldForTheDebounceTime_RaisesUp()
    {
        var rig = new KeypadRig();
        rig.Press(PhoneKey.Digit5);
        rig.Run(30);

        rig.Release(PhoneKey.Digit5);
        rig.Run(15);
        Assert.Equal([Down(PhoneKey.Digit5)], rig.Events);
        rig.Run(10);

        Assert.Equal([Down(PhoneKey.Digit5), Up(PhoneKey.Digit5)], rig.Events);
    }

    [Fact]
    public void Press_BouncingContact_RaisesOneDownOnceItSettles()
    {
        var rig = new KeypadRig();
        for (int bounce = 0; bounce < 6; bounce++)
        {
            rig.Press(PhoneKey.Send);
            rig.Run(5);
            rig.Release(PhoneKey.Send);
            rig.Run(5);
        }

        Assert.Empty(rig.Events);
        rig.Press(PhoneKey.Send);
        rig.Run(30);

        Assert.Equal([Down(PhoneKey.Send)], rig.Events);
    }

    [Fact]
    public void TwoKeysAtOnce_InDifferentRowsAndColumns_BothGoDown()
    {
        var rig = new KeypadRig();

        rig.Press(PhoneKey.Digit1);
        rig.Press(PhoneKey.Digit6);
        rig.Run(30);

        Assert.Equal([Down(PhoneKey.Digit1), Down(PhoneKey.Digit6)], rig.Events.OrderBy(e => e.Key));
    }

    [Fact]
    public void TwoKeysAtOnce_InOneColumn_BothGoDownAndOnlyOneRowIsEverDriven()
    {
        var rig = new KeypadRig();

        rig.Press(PhoneKey.Digit1);
        rig.Press(PhoneKey.Digit4);
        rig.Run(30);

        Assert.Equal([Down(PhoneKey.Digit1), Down(PhoneKey.Digit4)], rig.Events.OrderBy(e => e.Key));
        Assert.Empty(rig.Driver.Faults);
    }

    [Fact]
    public void ThreeCornersOfARectangle_NeitherTheGhostNorTheAmbiguousKeyGoesDown()
    {
        var rig = new KeypadRig();
        rig.Press(PhoneKey.Digit1);
        rig.Run(30);
        rig.Press(PhoneKey.Digit2);
        rig.Run(30);

        // Digit1, Digit2 and Digit4 sit at three corners of a rectangle; Digit5 is the fourth.
        rig.Press(PhoneKey.Digit4);
        Assert.True(rig.ReadsPressed(PhoneKey.Digit5), "the fake matrix should show the ghost");
        rig.Run(200);

        Assert.Equal([Down(PhoneKey.Digit1), Down(PhoneKey.Digit2)], rig.Events);
    }

    [Fact]
    public void Ghosting_EndsWhenAKeyIsReleased_TheHeldBackRealKeyGoesDown()
    {
        var rig = new KeypadRig();
        rig.Press(PhoneKey.Digit1);
        rig.Run(30);
        rig.Press(PhoneKey.Digit2);
        rig.Run(30);
        rig.Press(PhoneKey.Digit4);
        rig.Run(100);

        rig.Release(PhoneKey.Digit2);
        rig.Run(30);

        Assert.Equal([Down(PhoneKey.Digit1), Down(PhoneKey.Digit2), Up(PhoneKey.Digit2), Down(PhoneKey.Digit4)], rig.Events);
        Assert.DoesNotContain(rig.Events, e => e.Key == PhoneKey.Digit5);
    }

    [Fact]
    public void Hold_PastTheLongPressTime_RaisesLongPressOnceThenUpOnRelease()
    {
        var rig = new KeypadRig(new KeypadOptions { SettleMicroseconds = 0, LongPressMilliseconds = 800 });
        rig.Press(PhoneKey.Digit0);
        rig.Run(25);
        Assert.Equal([Down(PhoneKey.Digit0)], rig.Events);

        rig.Run(795);
        Assert.Single(rig.Events);
        rig.Run(5);
        Assert.Equal([Down(PhoneKey.Digit0), new KeyEvent(PhoneKey.Digit0, KeyAction.LongPress)], rig.Events);

        rig.Run(2000);
        rig.Release(PhoneKey.Digit0);
        rig.Run(30);

        Assert.Equal([Down(PhoneKey.Digit0), new KeyEvent(PhoneKey.Digit0, KeyAction.LongPress), Up(PhoneKey.Digit0)], rig.Events);
    }

    [Fact]
    public void ShortPress_RaisesNoLongPress()
    {
        var rig = new KeypadRig();
        rig.Press(PhoneKey.Digit0);
        rig.Run(300);
        rig.Release(PhoneKey.Digit0);
        rig.Run(1000);

        Assert.Equal([Down(PhoneKey.Digit0), Up(PhoneKey.Digit0)], rig.Events);
    }

    [Fact]
    public void NonSquareMatrix_ReportsTheKeyAtEachPosition()
    {
        var rig = new KeypadRig(new KeypadOptions
        {
            SettleMicroseconds = 0,
            RowPins = [5, 6],
            ColumnPins = [23, 24, 25],
            Keys = ["Digit1 Digit2 Digit3", "Star Digit0 Pound"],
        });

        rig.Driver.Press(6, 25);
        rig.Run(30);
        rig.Driver.Press(5, 25);
        rig.Run(30);

        Assert.Equal([Down(PhoneKey.Pound), Down(PhoneKey.Digit3)], rig.Events);
    }

    [Fact]
    public void Scan_LeavesIdleRowsFloatingAndColumnsPulledUp()
    {
        var rig = new KeypadRig();
        rig.Press(PhoneKey.Digit8);

        rig.Run(30);

        Assert.All(KeypadDefaults.RowPins, pin => Assert.Equal(PinMode.Input, rig.Driver.Mode(pin)));
        Assert.All(KeypadDefaults.ColumnPins, pin => Assert.Equal(PinMode.InputPullUp, rig.Driver.Mode(pin)));
        Assert.All(KeypadDefaults.RowPins, pin => Assert.DoesNotContain(rig.Driver.Writes, write => write.Pin == pin && write.Value == PinValue.High));
        Assert.Empty(rig.Driver.Faults);
    }
}
