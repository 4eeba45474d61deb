using System.Text;
using DeskPhone.Hal;

namespace DeskPhone.Phone.TextEntry;

/// <summary>
/// Text typed on a 12-key pad by multi-tap: repeated presses of one key within
/// <c>cycleTimeout</c> step through its characters (2 = a b c à 2); another key, a pause, or a
/// cursor move fixes the character. <c>*</c> flips the case (of the character still cycling, else
/// of the mode), <c>#</c> steps the mode Abc → abc → ABC → 123. Pure state; time comes from the
/// injected clock. THREAD: one thread (the signalling loop).
/// </summary>
internal sealed class MultiTapEntry(TimeProvider time, TimeSpan cycleTimeout, int maxLength)
{
    private readonly StringBuilder text = new();
    private int cursor;
    private PhoneKey? cycling;
    private int cycleIndex;
    private bool cycleUpper;
    private long cycleStamp;

    /// <summary>Everything typed, the character still cycling included.</summary>
    public string Text => text.ToString();

    /// <summary>Where the next character goes (after the cycling one, if any).</summary>
    public int Cursor => cursor;

    public TextEntryMode Mode { get; private set; } = TextEntryMode.Sentence;

    public int Remaining => maxLength - text.Length;

    /// <summary>True while the character before the cursor may still change with its key.</summary>
    public bool IsCycling
    {
        get
        {
            ExpireCycle();
            return cycling is not null;
        }
    }

    /// <summary>Handles a keypad key; false for keys that are not text keys.</summary>
    public bool Press(PhoneKey key)
    {
        ExpireCycle();
        switch (key)
        {
            case PhoneKey.Pound:
                Commit();
                Mode = Mode == TextEntryMode.Digits ? TextEntryMode.Sentence : Mode + 1;
                return true;
            case PhoneKey.Star when Mode == TextEntryMode.Digits:
                Commit();
                Insert('*');
                return true;
            case PhoneKey.Star:
                FlipCase();
                return true;
        }

        var letters = KeyLetters.For(key);
        if (letters is null)
        {
            return false;
        }

        if (Mode == TextEntryMode.Digits)
        {
            Commit();
            Insert(letters[^1]);
        }
        else if (cycling == key)
        {
            cycleIndex = (cycleIndex + 1) % letters.Length;
            text[cursor - 1] = Cased(letters[cycleIndex], cycleUpper);
            cycleStamp = time.GetTimestamp();
        }
        else
        {
            Commit();
            cycleUpper = Mode == TextEntryMode.Upper || (Mode == TextEntryMode.Sentence && AtSentenceStart());
            if (Insert(Cased(letters[0], cycleUpper)))
            {
                cycling = key;
                cycleIndex = 0;
                cycleStamp = time.GetTimestamp();
            }
        }

        return true;
    }

    /// <summary>Fixes the cycling character, so the same key starts a new one.</summary>
    public void Commit() => cycling = null;

    /// <summary>Deletes the character before the cursor (the cycling one, if any).</summary>
    public void Backspace()
    {
        Commit();
        if (cursor > 0)
        {
            text.Remove(--cursor, 1);
        }
    }

    /// <summary>Moves the cursor by <paramref name="delta"/> characters, within the text.</summary>
    public void MoveCursor(int delta)
    {
        Commit();
        cursor = Math.Clamp(cursor + delta, 0, text.Length);
    }

    private void ExpireCycle()
    {
        if (cycling is not null && time.GetElapsedTime(cycleStamp) >= cycleTimeout)
        {
            cycling = null;
        }
    }

    private void FlipCase()
    {
        if (cycling is not null)
        {
            cycleUpper = !cycleUpper;
            text[cursor - 1] = Cased(text[cursor - 1], cycleUpper);
            cycleStamp = time.GetTimestamp();
        }
        else
        {
            Mode = Mode == TextEntryMode.Upper ? TextEntryMode.Lower : TextEntryMode.Upper;
        }
    }

    private bool Insert(char c)
    {
        if (text.Length >= maxLength)
        {
            return false;
        }

        text.Insert(cursor++, c);
        return true;
    }

    /// <summary>True at the start of the text or after '.', '!' or '?' and spaces.</summary>
    private bool AtSentenceStart()
    {
        for (var i = cursor - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i] is '.' or '!' or '?';
            }
        }

        return true;
    }

    private static char Cased(char c, bool upper) => upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
}
