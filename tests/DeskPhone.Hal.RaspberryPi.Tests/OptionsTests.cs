namespace DeskPhone.Hal.RaspberryPi.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(new RaspberryPiOptions().Validate());
    }

    [Fact]
    public void RowPins_FewerThanTheRowsOfKeys_NamesTheKeyAndBothCounts()
    {
        var options = new RaspberryPiOptions { Keypad = { RowPins = [4, 5, 6, 13] } };

        Assert.Equal(["Hal:Keypad:RowPins: must have 6 entries (one per row of Hal:Keypad:Keys), got 4"], options.Validate());
    }

    [Fact]
    public void ColumnPins_MoreThanTheKeysOfARow_NamesTheKey()
    {
        var options = new RaspberryPiOptions
        {
            Keypad = { RowPins = [5, 6], ColumnPins = [23, 24, 25, 9], Keys = ["Digit1 Digit2 Digit3", "Star Digit0 Pound"] },
        };

        Assert.Equal(["Hal:Keypad:ColumnPins: must have 3 entries (one per key of a row of Hal:Keypad:Keys), got 4"], options.Validate());
    }

    [Theory]
    [InlineData("Digit1 Digit2 Digit77", "Hal:Keypad:Keys:0: 'Digit77' is not a key name (Digit0–Digit9, Star, Pound, Send, End, … or - for none)")]
    [InlineData("Digit1 Digit2 Digit1", "Hal:Keypad:Keys:0: Digit1 appears twice in the matrix")]
    [InlineData("Digit1 Digit2 3", "Hal:Keypad:Keys:0: '3' is not a key name (Digit0–Digit9, Star, Pound, Send, End, … or - for none)")]
    [InlineData("Digit1 Digit2,Digit3 Send", "Hal:Keypad:Keys:0: 'Digit2,Digit3' is not a key name (Digit0–Digit9, Star, Pound, Send, End, … or - for none)")]
    public void Keys_BadRow_NamesTheRowAndTheProblem(string row, string error)
    {
        var options = new RaspberryPiOptions { Keypad = { RowPins = [5], ColumnPins = [23, 24, 25], Keys = [row] } };

        Assert.Equal([error], options.Validate());
    }

    [Fact]
    public void Keys_RowsOfDifferentLengths_NamesTheOddRow()
    {
        var options = new RaspberryPiOptions { Keypad = { RowPins = [5, 6], ColumnPins = [23, 24], Keys = ["Digit1 Digit2", "Star Digit0 Pound"] } };

        Assert.Equal(["Hal:Keypad:Keys:1: must have 2 entries like row 0, has 3"], options.Validate());
    }

    [Fact]
    public void Pins_UsedTwice_NamesBothKeys()
    {
        var options = new RaspberryPiOptions { Leds = { LinePin = 17 } };

        Assert.Equal(["Hal:Leds:LinePin: GPIO 17 is already Hal:Hook:Pin"], options.Validate());
    }

    [Fact]
    public void Pins_OnTheI2cBus_AreRefused()
    {
        var options = new RaspberryPiOptions { Hook = { Pin = 2 } };

        Assert.Equal(["Hal:Hook:Pin: GPIO 2 is already the I2C bus's SDA"], options.Validate());
    }

    [Theory]
    [InlineData("0x27", 0x27)]
    [InlineData("0x3F", 0x3F)]
    [InlineData("0x3f", 0x3F)]
    [InlineData("39", 0x27)]
    public void DisplayAddress_HexOrDecimal_IsAccepted(string address, int expected)
    {
        var options = new RaspberryPiOptions { Display = { Address = address } };

        Assert.Empty(options.Validate());
        Assert.Equal(expected, options.DisplayAddress);
    }

    [Theory]
    [InlineData("0x50")]
    [InlineData("lcd")]
    [InlineData("")]
    public void DisplayAddress_NotAPcf8574Address_NamesTheKey(string address)
    {
        var options = new RaspberryPiOptions { Display = { Address = address } };

        Assert.Equal([$"Hal:Display:Address: must be a PCF8574 address, 0x20–0x27 or 0x38–0x3F (e.g. \"0x27\"), is '{address}'"], options.Validate());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    public void AudioFrame_OtherThan20Ms_NamesTheKey(int milliseconds)
    {
        var options = new RaspberryPiOptions { Audio = { FrameMilliseconds = milliseconds, PeriodMilliseconds = 10 } };

        Assert.Contains($"Hal:Audio:FrameMilliseconds: must be 20 (the media engine's frame), is {milliseconds}", options.Validate());
    }

    [Fact]
    public void AudioPeriod_NotDividingTheFrame_NamesTheKey()
    {
        var options = new RaspberryPiOptions { Audio = { PeriodMilliseconds = 15 } };

        Assert.Contains("Hal:Audio:PeriodMilliseconds: must divide Audio:FrameMilliseconds (20) into whole periods, is 15", options.Validate());
    }

    [Fact]
    public void AudioBuffer_TooShortForAFrameAndAPeriod_NamesTheKey()
    {
        var options = new RaspberryPiOptions { Audio = { BufferPeriods = 2 } };

        Assert.Equal(["Hal:Audio:BufferPeriods: must be 2–32 and hold a frame plus a period (30 ms), is 2"], options.Validate());
    }

    [Fact]
    public void RingerCadence_OddNumberOfDurations_NamesTheKey()
    {
        var options = new RaspberryPiOptions { Ringer = { CadenceMilliseconds = [1000, 4000, 1000] } };

        Assert.Equal(["Hal:Ringer:CadenceMilliseconds: must be an even number of durations (on, off, …) of 50–60000 ms, is [1000, 4000, 1000]"], options.Validate());
    }

    [Fact]
    public void Validate_OtherSectionName_PrefixesEveryKeyWithIt()
    {
        var options = new RaspberryPiOptions { Hook = { DebounceMilliseconds = 0 } };

        Assert.Equal(["Pi:Hook:DebounceMilliseconds: must be 1–500, is 0"], options.Validate("Pi"));
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(32000)]
    public void AudioSampleRate_OtherThanTheMediaEnginesRates_NamesTheKey(int rate)
    {
        var options = new RaspberryPiOptions { Audio = { SampleRate = rate, PeriodMilliseconds = 20, FrameMilliseconds = 20 } };

        Assert.Contains($"Hal:Audio:SampleRate: must be 8000, 16000 or 48000 (the media engine's device rates), is {rate}", options.Validate());
    }

    [Fact]
    public void AudioSampleRate_48000_IsAccepted()
    {
        var options = new RaspberryPiOptions { Audio = { SampleRate = 48000 } };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Audio_Defaults_AreWidebandWithARealtimeThread()
    {
        var audio = new RaspberryPiOptions().Audio;

        Assert.Equal((16000, 50), (audio.SampleRate, audio.RealtimePriority));
    }
}
