namespace DeskPhone.Hal.RaspberryPi;

/// <summary>
/// Who holds each of the HD44780's 8 CGRAM slots. Slots 0–3 always hold the fixed symbols; slots
/// 4–7 are lent, screen by screen, to letters the ROM lacks. A slot goes to another letter only
/// when the screen being drawn no longer shows its letter — every cell that showed it is then
/// rewritten anyway, so re-drawing the slot never changes a cell that is meant to stay.
/// </summary>
internal sealed class GlyphSlots
{
    public const int Count = 8;

    private readonly char[] _owners = new char[Count];

    public GlyphSlots()
    {
        GlyphBitmaps.FixedSymbols.CopyTo(_owners);
    }

    public static int FirstLent => GlyphBitmaps.FixedSymbols.Length;

    /// <summary>The character slot <paramref name="slot"/> now draws, '\0' for none.</summary>
    public char Owner(int slot) => _owners[slot];

    /// <summary>The slot drawing <paramref name="c"/>, or -1.</summary>
    public int SlotOf(char c) => c == '\0' ? -1 : Array.IndexOf(_owners, c);

    /// <summary>
    /// Lends slots to the letters of <paramref name="wanted"/> (in order of preference), keeping
    /// letters that already have one. Returns a bit per slot whose drawing must be uploaded.
    /// Letters beyond the free slots get none.
    /// </summary>
    public int Assign(IReadOnlyList<char> wanted)
    {
        for (int slot = FirstLent; slot < Count; slot++)
        {
            if (_owners[slot] != '\0' && !wanted.Contains(_owners[slot]))
            {
                _owners[slot] = '\0';
            }
        }

        int changed = 0;
        foreach (char c in wanted)
        {
            if (SlotOf(c) >= 0)
            {
                continue;
            }

            int free = Array.IndexOf(_owners, '\0', FirstLent);
            if (free < 0)
            {
                break;
            }

            _owners[free] = c;
            changed |= 1 << free;
        }

        return changed;
    }

    /// <summary>Forgets the lent slots, after the LCD lost its CGRAM (reconnected).</summary>
    public void ClearLent() => Array.Fill(_owners, '\0', FirstLent, Count - FirstLent);
}
