using DeskPhone.Hal.Simulator;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class SimulatedKeypadTests
{
    [Fact]
    public void Press_RaisesDownThenUp()
    {
        var keypad = new SimulatedKeypad();
        var events = new List<KeyEvent>();
        keypad.KeyChanged += events.Add;

        keypad.Press(PhoneKey.Send);

        Assert.Equal([new(PhoneKey.Send, KeyAction.Down), new(PhoneKey.Send, KeyAction.Up)], events);
    }

    [Fact]
    public void LongPress_RaisesDownLongPressUp()
    {
        var keypad = new SimulatedKeypad();
        var events = new List<KeyEvent>();
        keypad.KeyChanged += events.Add;

        keypad.LongPress(PhoneKey.Digit1);

        Assert.Equal(
            [new(PhoneKey.Digit1, KeyAction.Down), new(PhoneKey.Digit1, KeyAction.LongPress), new(PhoneKey.Digit1, KeyAction.Up)],
            events);
    }

    [Fact]
    public void Type_PressesEachDialCharacterInOrder()
    {
        var keypad = new SimulatedKeypad();
        var downs = new List<PhoneKey>();
        keypad.KeyChanged += e =>
        {
            if (e.Action == KeyAction.Down)
            {
                downs.Add(e.Key);
            }
        };

        keypad.Type("2090*#");

        Assert.Equal([PhoneKey.Digit2, PhoneKey.Digit0, PhoneKey.Digit9, PhoneKey.Digit0, PhoneKey.Star, PhoneKey.Pound], downs);
    }

    [Fact]
    public void Type_WithANonDialCharacter_ThrowsAndPressesNothing()
    {
        var keypad = new SimulatedKeypad();
        int events = 0;
        keypad.KeyChanged += _ => events++;

        var error = Assert.Throws<ArgumentException>(() => keypad.Type("12a3"));

        Assert.Contains("'a'", error.Message);
        Assert.Equal(0, events);
    }

    [Fact]
    public void TryGetDialKey_AgreesWithDialCharForEveryKey()
    {
        foreach (PhoneKey key in Enum.GetValues<PhoneKey>())
        {
            if (key.DialChar() is char c)
            {
                Assert.True(SimulatedKeypad.TryGetDialKey(c, out PhoneKey parsed));
                Assert.Equal(key, parsed);
            }
        }

        Assert.False(SimulatedKeypad.TryGetDialKey('a', out _));
    }
}
